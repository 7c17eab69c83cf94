//! Commands that read the library: lists, a comparison's page (and recording
//! a visit to it), the dashboard, search, and Markdown previews.

use tauri::State;
use versus_core::library::{CategoryCount, ComparisonPage, ComparisonSummary};
use versus_core::notes::check_size;
use versus_core::ops::{self, Dashboard};
use versus_core::search::{SearchQuery, SearchResults, DEFAULT_LIMIT};
use versus_core::study::StudyContext;

use super::args::Arg;
use super::{AppState, CommandError, CommandResult};

#[tauri::command]
pub async fn list_comparisons(state: State<'_, AppState>) -> CommandResult<Vec<ComparisonSummary>> {
    state.with_store(|store| ops::list_comparisons(store)).await
}

#[tauri::command]
pub async fn categories(state: State<'_, AppState>) -> CommandResult<Vec<CategoryCount>> {
    state.with_store(|store| ops::categories(store)).await
}

/// A comparison's page with the learner's notes; reading it writes nothing.
#[tauri::command]
pub async fn get_comparison(state: State<'_, AppState>, id: Arg<String>) -> CommandResult<ComparisonPage> {
    let id = id.0;
    state.with_store(move |store| ops::comparison_page(store, &id)).await
}

/// Records that the learner opened a comparison's page ("recently viewed").
#[tauri::command]
pub async fn record_view(state: State<'_, AppState>, id: Arg<String>) -> CommandResult<()> {
    let id = id.0;
    state.with_store(move |store| ops::record_view(store, &id)).await
}

/// Everything the dashboard shows, in one call: it is the usual first view.
#[tauri::command]
pub async fn dashboard(state: State<'_, AppState>, context: Arg<StudyContext>) -> CommandResult<Dashboard> {
    let context = context.0;
    let (clock, settings) = context.parts()?;
    state.with_store(move |store| ops::dashboard(store, clock, settings)).await
}

#[tauri::command]
pub async fn search(
    state: State<'_, AppState>,
    query: Arg<String>,
    category: Arg<Option<String>>,
    notes_only: Arg<Option<bool>>,
    limit: Arg<Option<usize>>,
) -> CommandResult<SearchResults> {
    let query = query.0;
    let category = category.0;
    let notes_only = notes_only.0;
    let limit = limit.0;
    let query = SearchQuery {
        text: query,
        category: category.filter(|c| !c.is_empty()),
        notes_only: notes_only.unwrap_or(false),
        limit: limit.unwrap_or(DEFAULT_LIMIT),
    };
    state.with_store(move |store| ops::search(store, &query)).await
}

/// Markdown to sanitized HTML; the only way learner text becomes markup.
/// Rendered on a blocking thread: a pathological note must never hold the
/// main thread, which serves the window.
#[tauri::command]
pub async fn render_markdown(text: Arg<String>) -> CommandResult<String> {
    let text = text.0;
    check_size(&text)?;
    tauri::async_runtime::spawn_blocking(move || versus_core::markdown::render(&text))
        .await
        .map_err(|err| CommandError::internal(err.to_string()))
}
