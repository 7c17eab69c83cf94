//! One public function per user operation: open a comparison, save a note,
//! grade a card, restore a backup, import notes, import content... Each
//! writes inside one `Store::transact`, so it writes all or nothing. The
//! app's commands parse their arguments and call exactly one of these; the
//! tests call the same functions. The payload types they return are
//! exported to TypeScript (`ui/js/types/api.d.ts`) for the UI's type check.

mod data;
mod library;
mod notes;
mod own;
mod packs;
mod study;
mod sync;

pub use data::*;
pub use library::*;
pub use notes::*;
pub use own::*;
pub use packs::*;
pub use study::*;
pub use sync::*;
