//! Command arguments the app deserializes itself. Tauri answers an argument
//! that does not deserialize (a wrong type, a missing key, a number out of
//! range) with a bare string, not the `{code, message}` every other failure
//! has; with `Arg<T>` it is an `invalid_argument` error naming the argument,
//! so the page can tell what went wrong and every rejection has one shape.

use serde::de::DeserializeOwned;
use tauri::ipc::{CommandArg, CommandItem, InvokeError};
use tauri::Runtime;

use super::CommandError;

/// One argument of a command, deserialized into `T` with a typed error.
#[derive(Debug)]
pub struct Arg<T>(pub T);

impl<'de, R: Runtime, T: DeserializeOwned> CommandArg<'de, R> for Arg<T> {
    fn from_command(command: CommandItem<'de, R>) -> Result<Self, InvokeError> {
        let key = command.key;
        T::deserialize(command).map(Arg).map_err(|err| {
            InvokeError::from(CommandError {
                code: "invalid_argument".into(),
                message: format!("the argument {key} is not what this command takes: {err}"),
            })
        })
    }
}
