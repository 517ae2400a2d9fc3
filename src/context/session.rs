//! A worker's unlocked workspace, locked again when it should be: on "Lock now", after the idle
//! time the worker chose, and in every tab of the workspace when one of them locks. Locking
//! writes what the editors hold, takes every case off the page, drops the key and reloads the
//! document: only a reload discards what wasm memory and JavaScript strings still hold.
//!
//! Runs in the whole app (started when a worker's workspace opens there, or when the first
//! load hands it the key), so none of it weighs on the first load, whose "Lock now" only tells
//! the workspace's tabs, this page's whole app among them (`first_load.rs`).

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;
use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{BroadcastChannel, MessageEvent};

use super::{set_page_title, Gate, GateState};
use crate::domain::protection::{IdleMinutes, WorkspaceRecord};
use crate::i18n::{td_string, Locale};

/// Told to every editor as locking starts: write what is waiting, then write nothing more.
pub const LOCKING_EVENT: &str = "homeward-locking";
/// Longest wait for editors' saves before the key goes.
const EDITORS_WAIT_MS: f64 = 3_000.0;
/// How often the idle time is checked (hidden tabs are checked again when shown).
const CHECK_EVERY_MS: i32 = 30_000;
/// Other tabs are told of activity here at most this often.
const TELL_ACTIVE_EVERY_MS: f64 = 60_000.0;

/// Starts the lock sequence of this page's watch, for a reason.
type LockSequence = Rc<dyn Fn(Why)>;

thread_local! {
    /// This page's lock sequence, once the watch is started.
    static LOCK: std::cell::RefCell<Option<LockSequence>> = const { std::cell::RefCell::new(None) };
    /// Editors still writing what they held as locking began.
    static EDITORS_WRITING: Cell<u32> = const { Cell::new(0) };
    static IDLE_MS: Cell<f64> = const { Cell::new(15.0 * 60_000.0) };
}

/// An editor starts (`true`) or ends (`false`) writing what it held as locking began.
pub fn editor_writing(started: bool) {
    EDITORS_WRITING.with(|n| n.set(if started { n.get() + 1 } else { n.get().saturating_sub(1) }));
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// The channel on which the tabs of workspace `id` tell each other they are in use or locked.
pub fn channel_name(id: Uuid) -> String {
    format!("homeward-lock-{id}")
}

/// "Lock now" in the whole app: the lock sequence of this page's watch.
pub fn lock_now() {
    if let Some(lock) = LOCK.with(|l| l.borrow().clone()) {
        lock(Why::Asked);
    }
}

/// Sets the idle time of this tab's workspace and tells its other tabs.
pub fn set_idle_minutes(id: Uuid, idle: IdleMinutes) {
    IDLE_MS.with(|ms| ms.set(f64::from(idle.minutes()) * 60_000.0));
    if let Ok(channel) = BroadcastChannel::new(&channel_name(id)) {
        let _ = channel.post_message(&format!("idle:{}", idle.minutes()).into());
        channel.close();
    }
}

/// Why a tab locks.
#[derive(Clone, Copy, PartialEq)]
enum Why {
    Asked,
    Idle,
    OtherTab,
}

/// Starts watching the workspace `record` just opened in this page. Lives as long as the page.
pub fn start(gate: Gate, record: &WorkspaceRecord, locale: impl Fn() -> Locale + Copy + 'static) {
    IDLE_MS.with(|ms| ms.set(f64::from(record.idle_minutes.minutes()) * 60_000.0));
    let Ok(channel) = BroadcastChannel::new(&channel_name(record.id)) else { return };
    let channel = Rc::new(channel);
    let last_active = Rc::new(Cell::new(now_ms()));
    let last_told = Rc::new(Cell::new(0.0));
    let locking = Rc::new(Cell::new(false));

    let lock = {
        let (channel, locking) = (channel.clone(), locking.clone());
        move |why: Why| {
            if locking.replace(true) {
                return;
            }
            spawn_local(lock_sequence(gate, channel.clone(), why, locale, locking.clone()));
        }
    };

    // Another tab of this workspace: active (so this one is not idle either), locked, or
    // set a new idle time.
    let on_message = {
        let (last_active, lock) = (last_active.clone(), lock.clone());
        Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| match event.data().as_string().as_deref() {
            Some("active") => last_active.set(last_active.get().max(now_ms())),
            Some("locked") => lock(Why::OtherTab),
            Some(idle) => {
                if let Some(minutes) = idle.strip_prefix("idle:").and_then(|m| m.parse().ok()) {
                    if let Some(idle) = IdleMinutes::new(minutes) {
                        IDLE_MS.with(|ms| ms.set(f64::from(idle.minutes()) * 60_000.0));
                    }
                }
            }
            None => {}
        })
    };
    channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();

    // This tab in use: told to the others at most once a minute.
    let on_activity = {
        let (channel, last_active) = (channel.clone(), last_active.clone());
        Closure::<dyn Fn()>::new(move || {
            let now = now_ms();
            last_active.set(now);
            if now - last_told.get() > TELL_ACTIVE_EVERY_MS {
                last_told.set(now);
                let _ = channel.post_message(&"active".into());
            }
        })
    };
    for kind in ["pointerdown", "keydown", "wheel", "touchstart"] {
        let _ = window().add_event_listener_with_callback_and_bool(kind, on_activity.as_ref().unchecked_ref(), true);
    }
    on_activity.forget();

    let check = {
        let lock = lock.clone();
        Closure::<dyn Fn()>::new(move || {
            if now_ms() - last_active.get() >= IDLE_MS.with(Cell::get) {
                lock(Why::Idle);
            }
        })
    };
    let _ =
        window().set_interval_with_callback_and_timeout_and_arguments_0(check.as_ref().unchecked_ref(), CHECK_EVERY_MS);
    // A hidden tab's timers are slowed: it is checked again as soon as it is shown.
    let _ = document().add_event_listener_with_callback("visibilitychange", check.as_ref().unchecked_ref());
    let _ = window().add_event_listener_with_callback("pageshow", check.as_ref().unchecked_ref());
    check.forget();

    LOCK.with(|l| *l.borrow_mut() = Some(Rc::new(lock)));
}

/// The lock itself: editors write what they hold (for up to three seconds), the other tabs are
/// told, the page shows nothing of the workspace, the key is dropped and the document reloaded;
/// the address stays, so unlocking returns to the same page.
async fn lock_sequence(
    gate: Gate,
    channel: Rc<BroadcastChannel>,
    why: Why,
    locale: impl Fn() -> Locale,
    locking: Rc<Cell<bool>>,
) {
    // A new worker's recovery key on screen is shown once only: nothing unasked takes it off
    // the page. The page restarts as soon as the key is kept, which leaves this workspace.
    if why != Why::Asked && gate.holding_key.get_untracked() {
        locking.set(false);
        return;
    }
    if why == Why::Asked {
        if let Some(reason) = gate.unsaved().saving.get_untracked() {
            let l = locale();
            let question = td_string!(l, workspaces.confirm_lock, reason).to_string();
            if !window().confirm_with_message(&question).unwrap_or(true) {
                locking.set(false);
                return;
            }
        }
    }
    if let Ok(event) = web_sys::Event::new(LOCKING_EVENT) {
        let _ = window().dispatch_event(&event);
    }
    let started = now_ms();
    while EDITORS_WRITING.with(Cell::get) > 0 && now_ms() - started < EDITORS_WAIT_MS {
        gloo_timers::future::TimeoutFuture::new(50).await;
    }
    if why != Why::OtherTab {
        let _ = channel.post_message(&"locked".into());
    }
    gate.notice().clear();
    gate.unsaved().forget();
    gate.state.set(GateState::Locking);
    let l = locale();
    set_page_title(td_string!(l, workspaces.locked_title));
    if let Some(store) = gate.store() {
        store.lock();
    }
    let _ = window().location().reload();
}
