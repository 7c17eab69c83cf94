//! Commands for active recall: the queue, grading, undo, cards, drills and progress.

use serde::Deserialize;
use tauri::State;
use ts_rs::TS;
use versus_core::ops::{self, ReviewQueue, UndoneStep};
use versus_core::study::drills::{Drill, DrillAnswer};
use versus_core::study::progress::ComparisonProgress;
use versus_core::study::queue::NewCards;
use versus_core::study::readiness::Readiness;
use versus_core::study::review::{GradePreview, Graded};
use versus_core::study::{Grade, Scope, StudyContext};

use super::args::Arg;
use super::notes::note_key;
use super::{AppState, CommandResult};
use crate::background_sync::Change;

/// Past drills listed at most.
const DRILLS_LISTED: usize = 200;

/// Today's cards in order, rendered, for one scope.
#[tauri::command]
pub async fn review_queue(
    state: State<'_, AppState>,
    scope: Arg<Scope>,
    context: Arg<StudyContext>,
    new_cards: Arg<NewCards>,
) -> CommandResult<ReviewQueue> {
    let scope = scope.0;
    let new_cards = new_cards.0;
    let (clock, settings) = context.0.parts()?;
    state.with_store(move |store| ops::review_queue(store, &scope, clock, settings, new_cards)).await
}

#[tauri::command]
pub async fn grade_card(
    state: State<'_, AppState>,
    card_id: Arg<i64>,
    grade: Arg<u8>,
    context: Arg<StudyContext>,
) -> CommandResult<Graded> {
    let card_id = card_id.0;
    let grade = grade.0;
    let context = context.0;
    let (clock, settings) = context.parts()?;
    let grade = Grade::from_number(grade)?;
    state
        .with_store_changing(Change::Study, move |store| {
            ops::grade_card(store, card_id, grade, clock, settings)
        })
        .await
}

/// Undoes the newest grade or suspension; answers the card to show again, if any.
#[tauri::command]
pub async fn undo_review(state: State<'_, AppState>) -> CommandResult<Option<UndoneStep>> {
    state.with_store_changing(Change::Study, ops::undo_review).await
}

/// The interval each grade would give the card now.
#[tauri::command]
pub async fn preview_grades(
    state: State<'_, AppState>,
    card_id: Arg<i64>,
    context: Arg<StudyContext>,
) -> CommandResult<GradePreview> {
    let card_id = card_id.0;
    let (clock, settings) = context.0.parts()?;
    state.with_store(move |store| ops::preview_grades(store, card_id, clock, settings)).await
}

#[tauri::command]
pub async fn suspend_card(
    state: State<'_, AppState>,
    card_id: Arg<i64>,
    suspended: Arg<bool>,
) -> CommandResult<()> {
    let card_id = card_id.0;
    let suspended = suspended.0;
    state.with_store_changing(Change::Study, move |store| ops::suspend_card(store, card_id, suspended)).await
}

#[tauri::command]
pub async fn create_card(
    state: State<'_, AppState>,
    comparison_id: Arg<String>,
    section: Arg<String>,
    item_id: Arg<String>,
    front: Arg<String>,
    back: Arg<String>,
) -> CommandResult<i64> {
    let comparison_id = comparison_id.0;
    let section = section.0;
    let item_id = item_id.0;
    let front = front.0;
    let back = back.0;
    let key = note_key(comparison_id, &section, item_id)?;
    state.with_store(move |store| ops::create_card(store, &key, &front, &back)).await
}

#[tauri::command]
pub async fn comparison_progress(state: State<'_, AppState>) -> CommandResult<Vec<ComparisonProgress>> {
    state.with_store(|store| ops::comparison_progress(store)).await
}

/// A drill as the UI hands it in (a grade is its number, 1 to 4).
#[derive(Debug, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DrillSubmission {
    comparison_id: String,
    started_at: i64,
    seconds_used: i64,
    answer: String,
    grade: Option<u8>,
}

#[tauri::command]
pub async fn save_drill(
    state: State<'_, AppState>,
    drill: Arg<DrillSubmission>,
    context: Arg<StudyContext>,
) -> CommandResult<i64> {
    let drill = drill.0;
    let context = context.0;
    let (clock, settings) = context.parts()?;
    let answer = DrillAnswer {
        comparison_id: drill.comparison_id,
        started_at: drill.started_at,
        seconds_used: drill.seconds_used,
        answer: drill.answer,
        grade: drill.grade.map(Grade::from_number).transpose()?,
    };
    state
        .with_store_changing(Change::Study, move |store| ops::submit_drill(store, &answer, clock, settings))
        .await
}

#[tauri::command]
pub async fn grade_drill(
    state: State<'_, AppState>,
    drill_id: Arg<i64>,
    grade: Arg<u8>,
    context: Arg<StudyContext>,
) -> CommandResult<()> {
    let drill_id = drill_id.0;
    let grade = grade.0;
    let context = context.0;
    let (clock, settings) = context.parts()?;
    let grade = Grade::from_number(grade)?;
    state
        .with_store_changing(Change::Study, move |store| {
            ops::grade_drill(store, drill_id, grade, clock, settings)
        })
        .await
}

#[tauri::command]
pub async fn list_drills(state: State<'_, AppState>) -> CommandResult<Vec<Drill>> {
    state.with_store(|store| ops::list_drills(store, DRILLS_LISTED)).await
}

/// How ready the learner will be on an interview day ("2027-01-15").
#[tauri::command]
pub async fn readiness(
    state: State<'_, AppState>,
    date: Arg<String>,
    context: Arg<StudyContext>,
) -> CommandResult<Readiness> {
    let date = date.0;
    let (clock, settings) = context.0.parts()?;
    state.with_store(move |store| ops::readiness(store, &date, clock, settings)).await
}

/// "Close the gap": the cards weakest on the interview day.
#[tauri::command]
pub async fn gap_session(
    state: State<'_, AppState>,
    date: Arg<String>,
    context: Arg<StudyContext>,
) -> CommandResult<ReviewQueue> {
    let date = date.0;
    let (clock, _) = context.0.parts()?;
    state.with_store(move |store| ops::gap_session(store, &date, clock)).await
}
