//! "Optimize my schedule": FSRS parameters fitted to the learner's own
//! answers with the `fsrs` crate (`compute_parameters`), compared with the
//! ones in use by how well each predicts those answers (`evaluate`: log
//! loss and RMSE), adopted only when the learner confirms, and reset to the
//! defaults on request. The parameters in use live in `fsrs_parameters`.

use std::sync::{Arc, Mutex};

pub use fsrs::CombinedProgressState;
use fsrs::{ComputeParametersInput, FSRSError, FSRSItem, FSRSReview, DEFAULT_PARAMETERS, FSRS};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

/// Answers given a day or more after the one before that fitting needs:
/// fewer and the fit follows noise (Anki asks for a few hundred too).
pub const MIN_LONG_TERM_REVIEWS: usize = 400;

/// How well a set of parameters predicts the learner's past answers.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Fit {
    pub log_loss: f64,
    pub rmse: f64,
}

/// The parameters in use and the fitted ones, each with its fit.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Optimization {
    pub current: Vec<f32>,
    pub current_fit: Fit,
    pub fitted: Vec<f32>,
    pub fitted_fit: Fit,
    /// Answers the fit learned from.
    pub reviews: usize,
}

/// What the scheduler uses now.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScheduleParameters {
    pub parameters: Vec<f32>,
    /// False while the defaults are in use.
    pub fitted: bool,
    pub adopted_at: Option<i64>,
    pub fit: Option<Fit>,
}

/// The learner's answers as FSRS trains on them: per card, each answer with
/// the answers before it, and the card each came from.
#[derive(Debug, Clone, Default)]
pub struct TrainingData {
    pub items: Vec<FSRSItem>,
    pub card_ids: Vec<i64>,
    /// Answers given a day or more after the previous one.
    pub long_term: usize,
}

/// How far a running optimization is, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OptimizerProgress {
    pub done: usize,
    pub total: usize,
}

pub type SharedProgress = Arc<Mutex<CombinedProgressState>>;

pub fn progress_of(progress: &SharedProgress) -> OptimizerProgress {
    progress
        .lock()
        .map(|p| OptimizerProgress { done: p.current(), total: p.total() })
        .unwrap_or(OptimizerProgress { done: 0, total: 0 })
}

/// Asks a running optimization to stop; it then answers [`Error::Cancelled`].
pub fn cancel(progress: &SharedProgress) {
    if let Ok(mut p) = progress.lock() {
        p.want_abort = true;
    }
}

/// The parameters the scheduler uses: the adopted ones, else the defaults.
pub fn scheduler_parameters(conn: &Connection) -> Result<Vec<f32>> {
    Ok(schedule_parameters(conn)?.parameters)
}

pub fn schedule_parameters(conn: &Connection) -> Result<ScheduleParameters> {
    let row: Option<(String, i64, f64, f64)> = conn
        .prepare_cached("SELECT parameters, adopted_at, log_loss, rmse FROM fsrs_parameters WHERE id = 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .optional()?;
    Ok(match row {
        None => ScheduleParameters {
            parameters: DEFAULT_PARAMETERS.to_vec(),
            fitted: false,
            adopted_at: None,
            fit: None,
        },
        Some((json, adopted_at, log_loss, rmse)) => ScheduleParameters {
            parameters: serde_json::from_str(&json).map_err(|err| Error::damaged_json(1, err))?,
            fitted: true,
            adopted_at: Some(adopted_at),
            fit: Some(Fit { log_loss, rmse }),
        },
    })
}

/// Every answer of the learner's, as training items.
pub fn training_data(conn: &Connection) -> Result<TrainingData> {
    let mut stmt = conn.prepare_cached(
        "SELECT card_id, grade, elapsed_days FROM review_log ORDER BY card_id, reviewed_at, id",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, u32>(1)?, r.get::<_, f64>(2)?)))?;
    let mut data = TrainingData::default();
    let mut card: Option<i64> = None;
    let mut history: Vec<FSRSReview> = Vec::new();
    for row in rows {
        let (card_id, grade, elapsed) = row?;
        if card != Some(card_id) {
            card = Some(card_id);
            history.clear();
        }
        // The first answer of a card has no interval before it.
        let delta_t = if history.is_empty() { 0 } else { elapsed.max(0.0).floor() as u32 };
        history.push(FSRSReview { rating: grade, delta_t });
        if history.len() >= 2 {
            data.long_term += usize::from(delta_t > 0);
            data.items.push(FSRSItem { reviews: history.clone() });
            data.card_ids.push(card_id);
        }
    }
    Ok(data)
}

fn fsrs_error(err: FSRSError) -> Error {
    match err {
        FSRSError::Interrupted => Error::Cancelled,
        other => Error::Optimizer(other.to_string()),
    }
}

fn fit_of(
    parameters: &[f32],
    data: &TrainingData,
    progress: &Arc<Mutex<CombinedProgressState>>,
) -> Result<Fit> {
    let model = FSRS::new(parameters).map_err(fsrs_error)?;
    let evaluation = model
        .evaluate_with_card_ids(data.items.clone(), data.card_ids.clone(), |_| {
            progress.lock().map(|p| !p.want_abort).unwrap_or(false)
        })
        .map_err(fsrs_error)?;
    Ok(Fit { log_loss: f64::from(evaluation.log_loss), rmse: f64::from(evaluation.rmse_bins) })
}

/// Fits parameters to `data` and evaluates them beside `current`. CPU work
/// of seconds on a large history: run it off the main thread and away from
/// the store. `progress` reports it and stops it (`want_abort`).
pub fn optimize(
    data: &TrainingData,
    current: &[f32],
    progress: &Arc<Mutex<CombinedProgressState>>,
) -> Result<Optimization> {
    if data.long_term < MIN_LONG_TERM_REVIEWS {
        return Err(Error::NotEnoughReviews { have: data.long_term, need: MIN_LONG_TERM_REVIEWS });
    }
    let fitted = fsrs::compute_parameters(ComputeParametersInput {
        train_set: data.items.clone(),
        card_ids: Some(data.card_ids.clone()),
        progress: Some(Arc::clone(progress)),
        ..ComputeParametersInput::default()
    })
    .map_err(fsrs_error)?;
    if progress.lock().map(|p| p.want_abort).unwrap_or(true) {
        return Err(Error::Cancelled);
    }
    Ok(Optimization {
        current: current.to_vec(),
        current_fit: fit_of(current, data, progress)?,
        fitted_fit: fit_of(&fitted, data, progress)?,
        fitted,
        reviews: data.items.len(),
    })
}

/// Makes `parameters` the scheduler's, from the next answer on (cards keep
/// their memory state; FSRS carries on from it).
pub fn adopt(tx: &Transaction<'_>, parameters: &[f32], fit: Fit, now: i64) -> Result<()> {
    FSRS::new(parameters)
        .map_err(|err| Error::InvalidArgument(format!("these are not FSRS parameters: {err}")))?;
    if parameters.len() != DEFAULT_PARAMETERS.len() || parameters.iter().any(|p| !p.is_finite()) {
        return Err(Error::InvalidArgument(format!(
            "FSRS takes {} finite parameters",
            DEFAULT_PARAMETERS.len()
        )));
    }
    let json = serde_json::to_string(parameters).map_err(|err| Error::InvalidArgument(err.to_string()))?;
    tx.execute(
        "INSERT INTO fsrs_parameters (id, parameters, adopted_at, log_loss, rmse) VALUES (1, ?1, ?2, ?3, ?4)
         ON CONFLICT (id) DO UPDATE SET parameters = excluded.parameters, adopted_at = excluded.adopted_at,
             log_loss = excluded.log_loss, rmse = excluded.rmse",
        params![json, now, fit.log_loss, fit.rmse],
    )?;
    Ok(())
}

/// Back to the defaults.
pub fn reset(tx: &Transaction<'_>) -> Result<()> {
    tx.execute("DELETE FROM fsrs_parameters", [])?;
    Ok(())
}
