//! Two machines, one set of notes: sync through a folder that a tool the
//! learner already uses keeps in step. This holds the transport (`folder`);
//! what travels and how it merges builds on it.

pub mod folder;
pub mod notes;
