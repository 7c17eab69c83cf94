//! Whose a comparison is: the `source` column of `comparison`.

use std::fmt;

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use serde::Serialize;
use ts_rs::TS;

use crate::content::is_slug;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Origin {
    /// Shipped inside the app.
    Library,
    /// Written by the learner in the app.
    Mine,
    /// Installed from the pack with this id.
    Pack(String),
}

/// How the UI tells them apart (a pack's id is in `pack_id`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OriginKind {
    Library,
    Mine,
    Pack,
}

impl Origin {
    pub fn parse(text: &str) -> Option<Origin> {
        match text {
            "library" => Some(Origin::Library),
            "mine" => Some(Origin::Mine),
            _ => text.strip_prefix("pack:").filter(|id| is_slug(id)).map(|id| Origin::Pack(id.to_string())),
        }
    }

    pub fn kind(&self) -> OriginKind {
        match self {
            Origin::Library => OriginKind::Library,
            Origin::Mine => OriginKind::Mine,
            Origin::Pack(_) => OriginKind::Pack,
        }
    }

    pub fn pack_id(&self) -> Option<&str> {
        match self {
            Origin::Pack(id) => Some(id),
            _ => None,
        }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Library => f.write_str("library"),
            Origin::Mine => f.write_str("mine"),
            Origin::Pack(id) => write!(f, "pack:{id}"),
        }
    }
}

impl ToSql for Origin {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(self.to_string().into())
    }
}

impl FromSql for Origin {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let text = value.as_str()?;
        Origin::parse(text)
            .ok_or_else(|| FromSqlError::Other(format!("unknown comparison source {text:?}").into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_origin_reads_back_as_written() {
        for origin in [Origin::Library, Origin::Mine, Origin::Pack("acme-platform".into())] {
            assert_eq!(Origin::parse(&origin.to_string()), Some(origin));
        }
        assert_eq!(Origin::parse("pack:Not A Slug"), None);
        assert_eq!(Origin::parse("elsewhere"), None);
    }
}
