//! Commands of the card browser: a page of cards, several suspended at
//! once, and a card's history.

use tauri::State;
use versus_core::clock::now_ms;
use versus_core::ops;
use versus_core::study::browser::{CardFilter, CardPage, Cards, ReviewEntry};

use super::args::Arg;
use super::{AppState, CommandResult};
use crate::background_sync::Change;

#[tauri::command]
pub async fn list_cards(state: State<'_, AppState>, filter: Arg<CardFilter>) -> CommandResult<CardPage> {
    let filter = filter.0;
    state.with_store(move |store| ops::list_cards(store, &filter, now_ms())).await
}

/// Suspends or unsuspends the cards; answers those whose flag changed.
#[tauri::command]
pub async fn suspend_cards(
    state: State<'_, AppState>,
    card_ids: Arg<Vec<i64>>,
    suspended: Arg<bool>,
) -> CommandResult<Vec<i64>> {
    let cards = Cards::new(card_ids.0)?;
    let suspended = suspended.0;
    state.with_store_changing(Change::Study, move |store| ops::suspend_cards(store, &cards, suspended)).await
}

#[tauri::command]
pub async fn card_history(state: State<'_, AppState>, card_id: Arg<i64>) -> CommandResult<Vec<ReviewEntry>> {
    let card_id = card_id.0;
    state.with_store(move |store| ops::card_history(store, card_id)).await
}
