//! Commands for active recall: the queue, grading, undo, cards, drills and progress.

use serde::{Deserialize, Serialize};
use tauri::State;

use super::{note_key, AppState, CommandResult};
use crate::cards::{self, CardFace};
use crate::study::{
    self, Clock, ComparisonProgress, Drill, DrillAnswer, Grade, Graded, Scope, StudySettings,
};

/// What every study command is told by the UI: its clock and the learner's settings.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StudyContext {
    utc_offset_minutes: i32,
    desired_retention: f32,
    new_per_day: usize,
}

impl StudyContext {
    pub(super) fn parts(self) -> Result<(Clock, StudySettings), crate::Error> {
        let settings =
            StudySettings { desired_retention: self.desired_retention, new_per_day: self.new_per_day }
                .checked()?;
        if self.utc_offset_minutes.abs() > 14 * 60 {
            return Err(crate::Error::InvalidArgument("a UTC offset is at most 14 hours".into()));
        }
        Ok((Clock { now: crate::clock::now_ms(), utc_offset_minutes: self.utc_offset_minutes }, settings))
    }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewQueue {
    cards: Vec<CardFace>,
    due: usize,
    new: usize,
}

/// Today's cards in order, rendered, for one scope.
#[tauri::command]
pub async fn review_queue(
    state: State<'_, AppState>,
    scope: Scope,
    context: StudyContext,
) -> CommandResult<ReviewQueue> {
    let (clock, settings) = context.parts()?;
    state
        .with_store(move |store| {
            let queue = study::build_queue(store.conn(), &scope, clock, settings)?;
            let cards =
                queue.cards.iter().map(|&id| cards::card_face(store.conn(), id)).collect::<Result<_, _>>()?;
            Ok(ReviewQueue { cards, due: queue.due, new: queue.new })
        })
        .await
}

#[tauri::command]
pub async fn grade_card(
    state: State<'_, AppState>,
    card_id: i64,
    grade: u8,
    context: StudyContext,
) -> CommandResult<Graded> {
    let (clock, settings) = context.parts()?;
    let grade = Grade::from_number(grade)?;
    state.with_store(move |store| study::grade_card(store.conn_mut(), card_id, grade, clock, settings)).await
}

/// Undoes the newest review; answers the card to show again, if any.
#[tauri::command]
pub async fn undo_review(state: State<'_, AppState>) -> CommandResult<Option<CardFace>> {
    state
        .with_store(|store| match study::undo_last_review(store.conn_mut())? {
            Some(id) => Ok(Some(cards::card_face(store.conn(), id)?)),
            None => Ok(None),
        })
        .await
}

#[tauri::command]
pub async fn suspend_card(state: State<'_, AppState>, card_id: i64, suspended: bool) -> CommandResult<()> {
    state.with_store(move |store| cards::set_suspended(store.conn(), card_id, suspended)).await
}

#[tauri::command]
pub async fn create_card(
    state: State<'_, AppState>,
    comparison_id: String,
    section: String,
    item_id: String,
    front: String,
    back: String,
) -> CommandResult<i64> {
    let key = note_key(comparison_id, &section, item_id)?;
    state
        .with_store(move |store| {
            cards::create_custom_card(
                store.conn(),
                &key.comparison_id,
                key.section,
                &key.item_id,
                &front,
                &back,
            )
        })
        .await
}

#[tauri::command]
pub async fn comparison_progress(state: State<'_, AppState>) -> CommandResult<Vec<ComparisonProgress>> {
    state.with_store(|store| study::comparison_progress(store.conn())).await
}

#[derive(Debug, Deserialize)]
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
    drill: DrillSubmission,
    context: StudyContext,
) -> CommandResult<i64> {
    let (clock, settings) = context.parts()?;
    let answer = DrillAnswer {
        comparison_id: drill.comparison_id,
        started_at: drill.started_at,
        seconds_used: drill.seconds_used.max(0),
        answer: drill.answer,
        grade: drill.grade.map(Grade::from_number).transpose()?,
    };
    state.with_store(move |store| study::save_drill(store.conn_mut(), &answer, clock, settings)).await
}

#[tauri::command]
pub async fn grade_drill(
    state: State<'_, AppState>,
    drill_id: i64,
    grade: u8,
    context: StudyContext,
) -> CommandResult<()> {
    let (clock, settings) = context.parts()?;
    let grade = Grade::from_number(grade)?;
    state
        .with_store(move |store| study::grade_drill(store.conn_mut(), drill_id, grade, clock, settings))
        .await
}

#[tauri::command]
pub async fn list_drills(state: State<'_, AppState>) -> CommandResult<Vec<Drill>> {
    state.with_store(|store| study::list_drills(store.conn(), 200)).await
}
