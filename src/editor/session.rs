//! The tab and window listeners that drive an editing session, owned and removed together.

use leptos::prelude::*;

use super::Editor;
use leptos::task::spawn_local;

use crate::context::{session, use_other_tabs, use_unsaved_work};
use crate::domain::monitoring::Visit;
use crate::storage::Change;

/// Keeps `editor` in step with the tab and the other tabs while the calling component is
/// mounted: what is waiting is written when the tab is hidden or closed, a change saved in
/// another tab is taken over when this one is shown again or told of it, leaving with a refused
/// save or one still on its way to the disk asks first. Returns whether the case was deleted in another tab.
pub fn use_editing_session(editor: Editor) -> Signal<bool> {
    let ed = editor;
    let unsaved = use_unsaved_work();
    // Whatever is still waiting to be written goes now if the tab is hidden or closed.
    let on_hide = window_event_listener(leptos::ev::pagehide, move |_| ed.flush_while_closing());
    let on_visibility = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().hidden() {
            ed.flush();
        } else {
            // Back in this tab after working in another: take over what was saved there.
            ed.refresh();
        }
    });
    let on_focus = window_event_listener(leptos::ev::focus, move |_| ed.refresh());
    // The workspace is being locked: what is waiting is written (for up to two seconds); what
    // cannot be (a choice awaited, a refused save) is kept, sealed, while the key is still there,
    // to be offered back after the unlock; then nothing more is written.
    let on_locking = window_event_listener_untyped(session::LOCKING_EVENT, move |_| {
        session::editor_writing(true);
        spawn_local(async move {
            for _ in 0..40 {
                if !ed.is_busy() || ed.is_held_back() {
                    break;
                }
                ed.flush();
                gloo_timers::future::TimeoutFuture::new(50).await;
            }
            ed.keep_unsaved().await;
            ed.discard();
            session::editor_writing(false);
        });
    });
    // Leaving asks first only when a change would be lost: the browser refused to store it, a
    // save is still on its way to the disk (a write queued behind another tab's, on a slow
    // disk), which the browser would drop with the page, or a visit is written but not logged.
    let on_leave = window_event_listener(leptos::ev::beforeunload, move |ev| {
        if unsaved.saving.get_untracked().is_some() || ed.is_writing() || ed.has_visit_draft() {
            ev.prevent_default();
            ev.set_return_value("");
        }
    });
    // A visit written but not logged: leaving the case inside the app asks first.
    Effect::new(move |_| unsaved.visit_draft.set(ed.visit_draft.with(|d| d.as_ref().is_some_and(Visit::has_notes))));
    // Another tab saved or deleted this case, or a newer Homeward needs the database.
    let id = ed.case.with_untracked(|c| c.id);
    let other_tabs = use_other_tabs();
    Effect::new(move |seen: Option<u64>| {
        let (count, change) = other_tabs.0.get();
        if seen.is_some_and(|s| s != count) {
            match change {
                Some(Change::Deleted { id: changed }) if changed == id => ed.deleted_elsewhere(),
                Some(Change::Superseded) => ed.flush(),
                // Messages can come faster than effects run, so only the last is seen: whatever
                // it was, compare with the stored case (one quick read, which also finds a
                // deletion whose message was hidden behind a later one).
                Some(_) => ed.refresh(),
                None => {}
            }
        }
        count
    });
    on_cleanup(move || {
        on_hide.remove();
        on_visibility.remove();
        on_leave.remove();
        on_focus.remove();
        on_locking.remove();
        // Leaving was confirmed, or nothing was failing; a save still failing after this is
        // reported through the notice instead.
        unsaved.saving.try_set(None);
        unsaved.visit_draft.try_set(false);
        ed.flush();
    });
    ed.is_deleted_elsewhere()
}
