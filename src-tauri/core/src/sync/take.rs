//! Taking in one event another device sent: checked (nothing a batch
//! claims is trusted), then handed to the module of its kind. A refused
//! event leaves the store as it was, and is said in the report.

use std::collections::HashSet;

use rusqlite::Transaction;

use crate::error::Result;
use crate::notes::{check_size, NoteKey};
use crate::study::Grade;
use crate::sync::clock::{Clock, MAX_MS};
use crate::sync::drafts::{self, DraftIn};
use crate::sync::drills::{self, DrillIn};
use crate::sync::event::{check_ids, CardKey, Event};
use crate::sync::notes::{self, NoteChange};
use crate::sync::own::{self, Revision};
use crate::sync::packs::{self, PackIn};
use crate::sync::reviews::{self, Received, Replay, ReviewIn};
use crate::sync::suspensions;

/// The notes, card keys and comparisons of the learner's own to settle:
/// those changed here (notes), and those another device's changes touched.
#[derive(Default)]
pub(crate) struct Touched {
    pub notes: HashSet<NoteKey>,
    pub cards: HashSet<CardKey>,
    pub comparisons: HashSet<String>,
    /// Comparisons a pack installed, updated or removed here.
    pub by_packs: Vec<String>,
    /// A pack brought cards (or archived some): what waits for a card is
    /// looked at again, as after a comparison of the learner's own.
    pub new_cards: bool,
}

/// What taking in an event did.
pub(crate) enum Taken {
    /// Known already: nothing done.
    Known,
    /// New here; with the comparison it changed, when settling does not say.
    New(Option<String>),
}

/// Takes in one event: Ok(New) when it was new here, Err with the reason
/// (for the report) when it is refused. A refused event leaves the store
/// as it was and the rest of the batch is taken in.
pub(crate) fn take_in(
    tx: &Transaction<'_>,
    from: &str,
    event: &Event,
    clock: &mut Clock,
    touched: &mut Touched,
    replay: &mut Replay,
    now: i64,
) -> Result<std::result::Result<Taken, String>> {
    let stamp_of = |stamp: &str, what: &str| {
        Clock::parse_stamp(stamp).ok_or_else(|| format!("{what}: a malformed stamp"))
    };
    let new = match event {
        Event::Note { comparison, section, item, body, stamp } => {
            let what = format!("a note on {}", shorten(comparison));
            let seen = match stamp_of(stamp, &what) {
                Ok(seen) => seen,
                Err(why) => return Ok(Err(why)),
            };
            if let Err(why) = check_ids(comparison, item) {
                return Ok(Err(format!("{what}: {why}")));
            }
            if let Err(err) = check_size(body) {
                return Ok(Err(format!("{what}: {err}")));
            }
            clock.observe(seen);
            let change = NoteChange { comparison, section: *section, item, body, stamp };
            match notes::receive(tx, from, &change)? {
                Some(key) => {
                    touched.notes.insert(key);
                    true
                }
                None => false,
            }
        }
        Event::Review { id, comparison, card, section, item, reviewed_at, grade } => {
            let what = format!("a review on {}", shorten(comparison));
            let checked = stamp_of(id, &what).and_then(|seen| {
                let key = CardKey::checked(comparison, *card, *section, item)
                    .map_err(|why| format!("{what}: {why}"))?;
                let grade = Grade::from_number(*grade).map_err(|err| format!("{what}: {err}"))?;
                if !(0..=MAX_MS).contains(reviewed_at) {
                    return Err(format!("{what}: a time out of range"));
                }
                Ok((seen, key, grade))
            });
            let (seen, key, grade) = match checked {
                Ok(checked) => checked,
                Err(why) => return Ok(Err(why)),
            };
            clock.observe(seen);
            let review = ReviewIn { id, key, reviewed_at: *reviewed_at, grade };
            received(reviews::receive(tx, from, &review)?, replay)
        }
        Event::ReviewUndone { id } => {
            if let Err(why) = stamp_of(id, "an undone review") {
                return Ok(Err(why));
            }
            received(reviews::receive_undone(tx, from, id)?, replay)
        }
        Event::Comparison { id, document, archived, stamp, base } => {
            let what = format!("the comparison {} from another computer", shorten(id));
            let seen = match stamp_of(stamp, &what) {
                Ok(seen) => seen,
                Err(why) => return Ok(Err(why)),
            };
            if let Some(Err(why)) = base.as_deref().map(|base| stamp_of(base, &what)) {
                return Ok(Err(why));
            }
            let document = match own::check(tx, id, document)? {
                Ok(document) => document,
                Err(why) => return Ok(Err(format!("{what}: {why}"))),
            };
            clock.observe(seen);
            let revision =
                Revision { id, document: &document, archived: *archived, stamp, base: base.as_deref() };
            let new = own::receive(tx, from, &revision)?;
            if new {
                touched.comparisons.insert(id.clone());
            }
            new
        }
        Event::Drill { id, comparison, started_at, submitted_at, seconds_used, answer, grade, stamp } => {
            let what = format!("a drill on {}", shorten(comparison));
            let checked = stamp_of(id, &what).and_then(|_| stamp_of(stamp, &what)).and_then(|seen| {
                check_ids(comparison, comparison).map_err(|why| format!("{what}: {why}"))?;
                check_size(answer).map_err(|err| format!("{what}: {err}"))?;
                let grade = grade
                    .map(|g| Grade::from_number(g).map_err(|err| format!("{what}: {err}")))
                    .transpose()?;
                if ![started_at, submitted_at, seconds_used].iter().all(|t| (0..=MAX_MS).contains(*t)) {
                    return Err(format!("{what}: a time out of range"));
                }
                Ok((seen, grade))
            });
            let (seen, grade) = match checked {
                Ok(checked) => checked,
                Err(why) => return Ok(Err(why)),
            };
            clock.observe(seen);
            let drill = DrillIn {
                id,
                comparison,
                started_at: *started_at,
                submitted_at: *submitted_at,
                seconds_used: *seconds_used,
                answer,
                grade: grade.map(|g| g as i64),
                stamp,
            };
            if drills::receive(tx, &drill)? {
                return Ok(Ok(Taken::New(Some(comparison.clone()))));
            }
            false
        }
        Event::Suspension { comparison, card, section, item, suspended, stamp } => {
            let what = format!("a suspension on {}", shorten(comparison));
            let checked = stamp_of(stamp, &what).and_then(|seen| {
                let key = CardKey::checked(comparison, *card, *section, item)
                    .map_err(|why| format!("{what}: {why}"))?;
                Ok((seen, key))
            });
            let (seen, key) = match checked {
                Ok(checked) => checked,
                Err(why) => return Ok(Err(why)),
            };
            clock.observe(seen);
            let new = suspensions::receive(tx, from, &key, *suspended, stamp)?;
            if new {
                touched.cards.insert(key);
            }
            new
        }
        Event::Draft { id, comparison, copied_from, document, deleted, stamp, base } => {
            let what = match comparison.as_deref().or(copied_from.as_deref()) {
                Some(of) => format!("a draft of {} from another computer", shorten(of)),
                None => "a draft from another computer".to_string(),
            };
            let checked = stamp_of(id, &what).and_then(|made| {
                let seen = stamp_of(stamp, &what)?;
                for of in [comparison, copied_from].into_iter().flatten() {
                    check_ids(of, of).map_err(|why| format!("{what}: {why}"))?;
                }
                let document = drafts::check(document, *deleted).map_err(|why| format!("{what}: {why}"))?;
                Ok((made, seen, document))
            });
            let (made, seen, document) = match checked {
                Ok(checked) => checked,
                Err(why) => return Ok(Err(why)),
            };
            clock.observe(seen);
            let draft = DraftIn {
                id,
                comparison: comparison.as_deref(),
                copied_from: copied_from.as_deref(),
                document: &document,
                deleted: *deleted,
                stamp,
                base: base.as_deref(),
                at: made.ms,
            };
            drafts::receive(tx, &draft)?
        }
        Event::Pack { id, removed, pack, stamp } => {
            let what = format!("the pack {} from another computer", shorten(id));
            let seen = match stamp_of(stamp, &what) {
                Ok(seen) => seen,
                Err(why) => return Ok(Err(why)),
            };
            let event = PackIn { id, removed: *removed, pack: pack.as_ref(), stamp };
            match packs::receive(tx, &event, now)? {
                Err(why) => return Ok(Err(format!("{what}: {why}"))),
                Ok(None) => {
                    clock.observe(seen);
                    false
                }
                Ok(Some(changed)) => {
                    clock.observe(seen);
                    touched.new_cards = true;
                    touched.by_packs.extend(changed);
                    true
                }
            }
        }
    };
    Ok(Ok(if new { Taken::New(None) } else { Taken::Known }))
}

fn received(received: Received, replay: &mut Replay) -> bool {
    match received {
        Received::Known => false,
        Received::New(card) => {
            replay.extend(card);
            true
        }
    }
}

/// An id from another device, cut to a length fit for a report.
pub(crate) fn shorten(id: &str) -> String {
    id.chars().take(80).collect()
}
