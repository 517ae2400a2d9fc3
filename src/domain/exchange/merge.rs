//! Weighing an import against the cases on the device, so nothing is overwritten silently.
//!
//! Every saved change gives a case a new `version`; every export and import records the version
//! exchanged in `exchanged`, which travels in the file. An incoming case is then:
//! - **identical** when it is the version on the device;
//! - **newer** when it was made from the version on the device (that version is among its
//!   exchanged ancestors), so taking it loses nothing;
//! - **older** when the device's version was made from it;
//! - a **conflict** otherwise: both sides changed since they last exchanged it;
//! - **deleted here** when the device deleted it (its tombstone): it comes back only if the
//!   worker says so.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::super::case::{Case, CaseId};
use super::super::deletion::Tombstone;

/// How many exchanged versions a case remembers; beyond that an old file reads as a conflict,
/// which asks the worker rather than guessing.
pub const MAX_EXCHANGED: usize = 64;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparison {
    New,
    Newer,
    Older,
    Identical,
    Conflict,
    /// Deleted on this device: kept deleted unless the worker brings it back.
    DeletedHere,
}

impl Comparison {
    /// Whether the worker must decide before the import can go ahead.
    pub fn asks(self) -> bool {
        matches!(self, Self::Conflict | Self::DeletedHere)
    }

    pub fn of(local: Option<&Case>, incoming: &Case) -> Self {
        let Some(local) = local else { return Self::New };
        // A case saved before versions existed has none: nothing can be told about it, so the
        // worker decides.
        if local.version.is_nil() || incoming.version.is_nil() {
            return Self::Conflict;
        }
        if local.version == incoming.version {
            Self::Identical
        } else if incoming.exchanged.contains(&local.version) {
            Self::Newer
        } else if local.exchanged.contains(&incoming.version) {
            Self::Older
        } else {
            Self::Conflict
        }
    }
}

/// What the worker decided for a conflict, or for a case deleted here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// Mine stays as it is (for a case deleted here: it stays deleted).
    KeepMine,
    /// Theirs is taken (for a case deleted here: it is brought back).
    TakeTheirs,
    /// The incoming case is added as a copy with a new identity; the device's stays as it is.
    KeepBoth,
}

/// One incoming case, what it is against the device, and (for a conflict) the decision.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub incoming: Case,
    /// The device's case as it was when the preview was made.
    pub local: Option<Case>,
    pub comparison: Comparison,
    pub resolution: Option<Resolution>,
    /// For a case deleted here: when and by whom.
    pub deleted: Option<Tombstone>,
}

/// A write the import makes, with the revision the stored case must still have (`None`: no
/// case with this id may exist), so a change made meanwhile stops the import instead of being
/// overwritten.
#[derive(Debug, Clone, PartialEq)]
pub struct Write {
    pub case: Case,
    pub expect_revision: Option<u64>,
    /// The case was deleted here and the worker brought it back: its tombstone goes. Without
    /// this, a write meeting a tombstone stops the import.
    pub restores: bool,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportPlan {
    pub entries: Vec<Entry>,
}

impl ImportPlan {
    /// Pairs every incoming case with the device's case of the same id.
    pub fn new(incoming: Vec<Case>, mut local: impl FnMut(CaseId) -> Option<Case>) -> Self {
        let entries = incoming
            .into_iter()
            .map(|incoming| {
                let local = local(incoming.id);
                let comparison = Comparison::of(local.as_ref(), &incoming);
                Entry { incoming, local, comparison, resolution: None, deleted: None }
            })
            .collect();
        Self { entries }
    }

    /// Marks each new case that was deleted on this device (`tombstone` finds its tombstone by
    /// id; asked only for the cases not on the device), so that it waits for the worker's
    /// decision instead of coming back silently.
    pub fn with_deleted_here(mut self, mut tombstone: impl FnMut(CaseId) -> Option<Tombstone>) -> Self {
        for e in self.entries.iter_mut().filter(|e| e.comparison == Comparison::New) {
            if let Some(stone) = tombstone(e.incoming.id) {
                e.comparison = Comparison::DeletedHere;
                e.deleted = Some(stone);
            }
        }
        self
    }

    pub fn count(&self, comparison: Comparison) -> usize {
        self.entries.iter().filter(|e| e.comparison == comparison).count()
    }

    pub fn resolve(&mut self, id: CaseId, resolution: Resolution) {
        for e in self.entries.iter_mut().filter(|e| e.incoming.id == id && e.comparison.asks()) {
            // A deleted case has no copy here to keep beside it: it is kept deleted or brought back.
            if e.comparison == Comparison::DeletedHere && resolution == Resolution::KeepBoth {
                continue;
            }
            e.resolution = Some(resolution);
        }
    }

    pub fn resolve_all(&mut self, resolution: Resolution) {
        for e in self.entries.iter_mut().filter(|e| e.comparison == Comparison::Conflict) {
            e.resolution = Some(resolution);
        }
    }

    /// Conflicts the worker settled by taking the file's case.
    pub fn count_replaced(&self) -> usize {
        self.taken(Comparison::Conflict)
    }

    /// Cases deleted here that the worker brought back.
    pub fn count_restored(&self) -> usize {
        self.taken(Comparison::DeletedHere)
    }

    /// Cases changed on both sides kept beside the one here, as a copy.
    pub fn count_copied(&self) -> usize {
        self.entries.iter().filter(|e| e.resolution == Some(Resolution::KeepBoth)).count()
    }

    fn taken(&self, comparison: Comparison) -> usize {
        let taken = |e: &&Entry| e.comparison == comparison && e.resolution == Some(Resolution::TakeTheirs);
        self.entries.iter().filter(taken).count()
    }

    /// Conflicts and cases deleted here still waiting for a decision.
    pub fn undecided(&self) -> usize {
        self.undecided_of(Comparison::Conflict) + self.undecided_of(Comparison::DeletedHere)
    }

    /// Cases of one kind (conflicts, or cases deleted here) still waiting for a decision.
    pub fn undecided_of(&self, comparison: Comparison) -> usize {
        self.entries.iter().filter(|e| e.comparison == comparison && e.resolution.is_none()).count()
    }

    /// Everything the import writes. Refuses while a conflict is undecided.
    pub fn writes(&self, now: DateTime<Utc>) -> Result<Vec<Write>, Undecided> {
        if self.undecided() > 0 {
            return Err(Undecided(self.undecided()));
        }
        let mut writes = Vec::new();
        for e in &self.entries {
            let take = |local: &Case| Write {
                case: taken(local, &e.incoming, e.comparison == Comparison::Newer),
                expect_revision: Some(local.revision),
                restores: false,
            };
            match (e.comparison, e.resolution, &e.local) {
                (Comparison::New, _, _) => {
                    writes.push(Write { case: arrived(e.incoming.clone()), expect_revision: None, restores: false })
                }
                (Comparison::DeletedHere, Some(Resolution::TakeTheirs), _) => {
                    writes.push(Write { case: arrived(e.incoming.clone()), expect_revision: None, restores: true })
                }
                (Comparison::Newer, _, Some(local))
                | (Comparison::Conflict, Some(Resolution::TakeTheirs), Some(local)) => writes.push(take(local)),
                (Comparison::Conflict, Some(Resolution::KeepBoth), _) => {
                    writes.push(Write { case: copy_of(&e.incoming, now), expect_revision: None, restores: false })
                }
                _ => {}
            }
        }
        Ok(writes)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("Decide what to do with {0} case(s) changed on both sides before importing.")]
pub struct Undecided(pub usize);

/// Records a version as exchanged, keeping the most recent [`MAX_EXCHANGED`].
pub fn remember(exchanged: &mut Vec<Uuid>, version: Uuid) {
    if !exchanged.contains(&version) {
        exchanged.push(version);
    }
    if exchanged.len() > MAX_EXCHANGED {
        let extra = exchanged.len() - MAX_EXCHANGED;
        exchanged.drain(..extra);
    }
}

/// The case as it must be saved when the stored copy records exchanges it does not know (an
/// export recorded while an editor held an older copy); `None` when nothing is missing.
pub fn with_recorded_exchanges(case: &Case, recorded: &[Uuid]) -> Option<Case> {
    if recorded.iter().all(|v| case.exchanged.contains(v)) {
        return None;
    }
    let mut merged = case.clone();
    for v in recorded {
        remember(&mut merged.exchanged, *v);
    }
    Some(merged)
}

/// A case as it goes into an export file: its version recorded as exchanged.
pub fn exported(mut case: Case) -> Case {
    remember(&mut case.exchanged, case.version);
    case
}

fn arrived(mut case: Case) -> Case {
    remember(&mut case.exchanged, case.version);
    case
}

/// The incoming case taking the place of the device's: the same content and version, and a
/// revision above the stored one (so a tab still editing the old one is told). When it is newer
/// it was made from the device's version, so both histories are its ancestry; when it wins a
/// conflict, the device's discarded version is no ancestor of it and must not be recorded as
/// one, or a device still holding that version would later take a file over it unasked.
fn taken(local: &Case, incoming: &Case, descends: bool) -> Case {
    let mut case = incoming.clone();
    case.revision = local.revision.max(incoming.revision) + 1;
    let mut exchanged = if descends { local.exchanged.clone() } else { Vec::new() };
    for v in &incoming.exchanged {
        remember(&mut exchanged, *v);
    }
    remember(&mut exchanged, incoming.version);
    case.exchanged = exchanged;
    case
}

/// The incoming case as a separate case beside the device's: a new identity and a number that
/// says it is a copy.
fn copy_of(incoming: &Case, now: DateTime<Utc>) -> Case {
    let mut case = incoming.clone();
    case.id = Uuid::new_v4();
    case.version = Uuid::new_v4();
    case.exchanged = Vec::new();
    case.revision = 0;
    case.created_at = now;
    case.case_number = match incoming.case_number.trim() {
        "" => "copy".to_string(),
        number => format!("{number}-copy"),
    };
    case
}
