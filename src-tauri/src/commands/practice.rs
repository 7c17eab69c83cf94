//! Commands of "which would you pick?": a practice session, answering a
//! scenario, the pairs a learner confuses and practising one of them.

use tauri::State;
use versus_core::ops::{self, ReviewQueue};
use versus_core::study::practice::{ConfusionPair, PracticeAnswer};
use versus_core::study::queue::NewCards;
use versus_core::study::{Grade, Scope, StudyContext};

use super::args::Arg;
use super::{AppState, CommandResult};
use crate::background_sync::Change;

/// Confusion pairs listed at most.
const PAIRS_LISTED: usize = 200;

/// Today's scenario cards of one scope.
#[tauri::command]
pub async fn practice_queue(
    state: State<'_, AppState>,
    scope: Arg<Scope>,
    context: Arg<StudyContext>,
    new_cards: Arg<NewCards>,
) -> CommandResult<ReviewQueue> {
    let scope = scope.0;
    let new_cards = new_cards.0;
    let (clock, settings) = context.0.parts()?;
    state.with_store(move |store| ops::practice_queue(store, &scope, clock, settings, new_cards)).await
}

/// The cards that practise telling two subjects (by key) apart.
#[tauri::command]
pub async fn pair_practice(
    state: State<'_, AppState>,
    first: Arg<String>,
    second: Arg<String>,
) -> CommandResult<ReviewQueue> {
    let (first, second) = (first.0, second.0);
    state.with_store(move |store| ops::pair_practice(store, &first, &second)).await
}

/// Answers a scenario card with the subject `chosen` (a key).
#[tauri::command]
pub async fn answer_scenario(
    state: State<'_, AppState>,
    card_id: Arg<i64>,
    chosen: Arg<String>,
    easy: Arg<bool>,
    context: Arg<StudyContext>,
) -> CommandResult<PracticeAnswer> {
    let (card_id, chosen, easy) = (card_id.0, chosen.0, easy.0);
    let (clock, settings) = context.0.parts()?;
    state
        .with_store_changing(Change::Study, move |store| {
            ops::answer_scenario(store, card_id, &chosen, easy, clock, settings)
        })
        .await
}

/// The pairs of subjects the learner mixes up most.
#[tauri::command]
pub async fn confusions(state: State<'_, AppState>) -> CommandResult<Vec<ConfusionPair>> {
    state.with_store(|store| ops::confusions(store, PAIRS_LISTED)).await
}

/// Cram: every card of a comparison or category, whatever its schedule.
#[tauri::command]
pub async fn cram_queue(
    state: State<'_, AppState>,
    scope: Arg<Scope>,
    context: Arg<StudyContext>,
) -> CommandResult<ReviewQueue> {
    let scope = scope.0;
    let (clock, _) = context.0.parts()?;
    state.with_store(move |store| ops::cram_queue(store, &scope, clock)).await
}

/// A cram answer (1–4): kept apart, no schedule changed.
#[tauri::command]
pub async fn cram_answer(
    state: State<'_, AppState>,
    card_id: Arg<i64>,
    grade: Arg<u8>,
    context: Arg<StudyContext>,
) -> CommandResult<()> {
    let card_id = card_id.0;
    let grade = Grade::from_number(grade.0)?;
    let (clock, _) = context.0.parts()?;
    state.with_store(move |store| ops::cram_answer(store, card_id, grade, clock)).await
}

/// A scenario answered in a cram session: judged and kept, nothing scheduled.
#[tauri::command]
pub async fn cram_scenario(
    state: State<'_, AppState>,
    card_id: Arg<i64>,
    chosen: Arg<String>,
    context: Arg<StudyContext>,
) -> CommandResult<PracticeAnswer> {
    let (card_id, chosen) = (card_id.0, chosen.0);
    let (clock, _) = context.0.parts()?;
    state.with_store(move |store| ops::cram_scenario(store, card_id, &chosen, clock)).await
}
