//! Two machines, one set of notes: sync through a folder that a tool the
//! learner already uses keeps in step. `folder` is the transport, `event`
//! what travels, `clock` how changes are ordered, `compact` how a
//! device folds its old batches together, `state` what a store keeps about
//! sync, `run` one sync, `take` how one event from another device is
//! checked and taken in, and one module per kind of data for how it merges
//! (notes, reviews, suspensions, own comparisons, drills, packs, drafts).

pub mod clock;
pub mod compact;
pub mod drafts;
pub mod drills;
pub mod event;
pub mod folder;
pub mod notes;
pub mod own;
pub mod packs;
pub mod replay;
pub mod reviews;
pub mod run;
pub mod state;
pub mod suspensions;
pub mod take;

pub use run::SyncReport;
