//! Commands of "Optimize my schedule": fit FSRS parameters to the learner's
//! answers off the main thread and away from the store (studying goes on),
//! report progress, cancel, adopt on confirmation, reset to the defaults.

use std::sync::{Arc, Mutex};

use tauri::State;
use versus_core::ops;
use versus_core::study::optimizer::{
    self, CombinedProgressState, Fit, Optimization, OptimizerProgress, ScheduleParameters, SharedProgress,
};

use super::args::Arg;
use super::{AppState, CommandError, CommandResult};

/// The optimization under way, if any (one at a time).
#[derive(Default)]
pub struct Optimizing(Mutex<Option<SharedProgress>>);

impl Optimizing {
    fn current(&self) -> Option<SharedProgress> {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }
    fn set(&self, progress: Option<SharedProgress>) {
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) = progress;
    }
}

/// Fits parameters to the learner's answers and evaluates them beside the
/// ones in use; changes nothing until `adopt_schedule`.
#[tauri::command]
pub async fn optimize_schedule(state: State<'_, AppState>) -> CommandResult<Optimization> {
    if state.optimizing.current().is_some() {
        return Err(CommandError {
            code: "busy".into(),
            message: "an optimization is already running".into(),
        });
    }
    let progress: SharedProgress = Arc::new(Mutex::new(CombinedProgressState::default()));
    state.optimizing.set(Some(Arc::clone(&progress)));
    let result = async {
        let (data, current) = state.with_store(|store| ops::schedule_training_data(store)).await?;
        let fitting = Arc::clone(&progress);
        tauri::async_runtime::spawn_blocking(move || ops::fit_schedule(&data, &current, &fitting))
            .await
            .map_err(|err| CommandError::internal(format!("the optimizer stopped: {err}")))?
            .map_err(CommandError::from)
    }
    .await;
    state.optimizing.set(None);
    result
}

/// How far the running optimization is; null when none runs. Async: the
/// training thread holds the progress lock while it reports, and the main
/// thread never waits on it.
#[tauri::command]
pub async fn optimizer_progress(state: State<'_, AppState>) -> CommandResult<Option<OptimizerProgress>> {
    Ok(state.optimizing.current().map(|p| optimizer::progress_of(&p)))
}

/// Stops the running optimization; it answers `cancelled`.
#[tauri::command]
pub async fn cancel_optimize(state: State<'_, AppState>) -> CommandResult<()> {
    if let Some(progress) = state.optimizing.current() {
        optimizer::cancel(&progress);
    }
    Ok(())
}

#[tauri::command]
pub async fn adopt_schedule(
    state: State<'_, AppState>,
    parameters: Arg<Vec<f32>>,
    fit: Arg<Fit>,
) -> CommandResult<()> {
    let (parameters, fit) = (parameters.0, fit.0);
    state.with_store(move |store| ops::adopt_schedule(store, &parameters, fit)).await
}

#[tauri::command]
pub async fn reset_schedule(state: State<'_, AppState>) -> CommandResult<()> {
    state.with_store(ops::reset_schedule).await
}

#[tauri::command]
pub async fn schedule_parameters(state: State<'_, AppState>) -> CommandResult<ScheduleParameters> {
    state.with_store(|store| ops::schedule_parameters(store)).await
}
