//! Temporal claims: dates, times, durations, offsets between events, ages.

use super::{Approx, Claim, RunCx};
use crate::span::Span;
use chrono::{NaiveDate, Weekday};
use serde::Deserialize;
use serde_json::{json, Map, Value};

/// The `[dates]` table of `rules/lang/<code>.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateLexicon {
    /// Month names and abbreviations, January first: `[["janvier", "janv."], …]`.
    #[serde(default)]
    pub months: Vec<Vec<String>>,
    /// Weekday names, Monday first.
    #[serde(default)]
    pub weekdays: Vec<Vec<String>>,
}

impl DateLexicon {
    pub fn trigger_words(&self) -> Vec<String> {
        self.months.iter().chain(&self.weekdays).flatten().cloned().collect()
    }
}

/// The grain a date is written at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grain {
    Day,
    Month,
    Year,
}

/// Where a date's year comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearSource {
    Text,
    PubYear,
    PrevYear,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DateClaim {
    pub grain: Grain,
    /// `None` when the text gives no year and there is no publication date to take it from.
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
    /// The weekday named with the date, and where.
    pub weekday: Option<(Weekday, Span)>,
    pub year_source: YearSource,
    /// "31 avril": a day that does not exist in its month.
    pub invalid: bool,
}

impl DateClaim {
    /// The calendar day, when the date is valid and at day grain with a year.
    pub fn naive(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year?, self.month?, self.day?)
    }
    pub fn json_fields(&self, out: &mut Map<String, Value>) {
        let y = self.year.map_or("XXXX".to_string(), |y| format!("{y:04}"));
        let value = match (self.grain, self.month, self.day) {
            (Grain::Day, Some(m), Some(d)) => format!("{y}-{m:02}-{d:02}"),
            (Grain::Month, Some(m), _) => format!("{y}-{m:02}"),
            _ => y,
        };
        out.insert("value".into(), json!(value));
        let grain = match self.grain {
            Grain::Day => "day",
            Grain::Month => "month",
            Grain::Year => "year",
        };
        out.insert("grain".into(), json!(grain));
        if let Some((w, _)) = self.weekday {
            out.insert("weekday".into(), json!(weekday_name(w)));
        }
        match self.year_source {
            YearSource::Text => {}
            YearSource::PubYear => {
                out.insert("resolved".into(), json!("pub_year"));
            }
            YearSource::PrevYear => {
                out.insert("resolved".into(), json!("prev_year"));
            }
        }
        if self.invalid {
            out.insert("invalid".into(), json!(true));
        }
    }
}

pub fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "monday",
        Weekday::Tue => "tuesday",
        Weekday::Wed => "wednesday",
        Weekday::Thu => "thursday",
        Weekday::Fri => "friday",
        Weekday::Sat => "saturday",
        Weekday::Sun => "sunday",
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct TimeClaim {
    pub hour: u32,
    pub minute: u32,
    pub zone: Option<String>,
}

impl TimeClaim {
    pub fn json_fields(&self, out: &mut Map<String, Value>) {
        out.insert("value".into(), json!(format!("{:02}:{:02}", self.hour, self.minute)));
        if let Some(z) = &self.zone {
            out.insert("zone".into(), json!(z));
        }
    }
}

/// Units of durations and offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

impl Unit {
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Second => "second",
            Unit::Minute => "minute",
            Unit::Hour => "hour",
            Unit::Day => "day",
            Unit::Week => "week",
            Unit::Month => "month",
            Unit::Year => "year",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct DurationClaim {
    pub amount: f64,
    pub unit: Unit,
    pub approx: Option<Approx>,
}

impl DurationClaim {
    pub fn json_fields(&self, out: &mut Map<String, Value>) {
        out.insert("value".into(), json!({"amount": self.amount, "unit": self.unit.as_str()}));
        if let Some(a) = self.approx {
            out.insert("approx".into(), json!(a.as_str()));
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Before,
    After,
}

/// What an offset is measured from.
#[derive(Clone, Debug, PartialEq)]
pub enum Anchor {
    /// A date or event phrase of the text.
    Span(Span),
    /// The publication date ("hier", "il y a trois ans").
    PubDate,
    /// Not found.
    Unknown,
}

#[derive(Clone, Debug, PartialEq)]
pub struct OffsetClaim {
    pub amount: f64,
    pub unit: Unit,
    pub direction: Direction,
    pub anchor: Anchor,
    pub approx: Option<Approx>,
}

impl OffsetClaim {
    pub fn json_fields(&self, out: &mut Map<String, Value>) {
        let direction = match self.direction {
            Direction::Before => "before",
            Direction::After => "after",
        };
        out.insert("value".into(), json!({"amount": self.amount, "unit": self.unit.as_str(), "direction": direction}));
        match &self.anchor {
            Anchor::Span(s) => {
                out.insert("anchor".into(), json!({"start": s.start, "end": s.end}));
            }
            Anchor::PubDate => {
                out.insert("anchor".into(), json!("pub_date"));
            }
            Anchor::Unknown => {}
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct AgeClaim {
    pub years: f64,
}

impl AgeClaim {
    pub fn json_fields(&self, out: &mut Map<String, Value>) {
        out.insert("value".into(), json!(self.years));
    }
}

/// Reads the temporal claims of a run into `out`.
pub fn scan(_cx: &RunCx<'_>, _out: &mut Vec<Claim>) {}
