//! The form engine: an order form is data (`FormSpec`), not code. The SPA renders any
//! spec and checks each field as the user goes; the server checks a whole submission
//! against the same spec. `FormSpec::validate` is the single implementation of both.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::{FieldError, ValidationErrors};
use crate::i18n::{Lang, Text, t};
use crate::validate::{
    AttachmentRef, BoundedText, Date, DomainName, Email, Fodselsnummer, HerId, MobileNumber,
    OrgNumber, PhoneNumber,
};

/// An order form: titled sections of fields, and rules across fields.
#[derive(Debug)]
pub struct FormSpec {
    pub id: &'static str,
    pub title: Text,
    /// Said before the form and again before submit (a price, a condition).
    pub notice: Option<Text>,
    pub sections: &'static [Section],
    pub rules: &'static [Rule],
}

/// A rule across fields, checked after each field passed its own.
#[derive(Debug)]
pub enum Rule {
    /// The date in `to` must not be before the date in `from` (error on `to`).
    DateOrder {
        from: &'static str,
        to: &'static str,
    },
    /// Every choice of the multi-choice `field` must be ticked: a checklist of conditions
    /// the applicant confirms (error on `field`).
    AllChosen { field: &'static str },
}

/// When a field is shown (and so asked for): another field has this value, e.g. the
/// ServiceBus contact only when "Bestill aktivering av ServiceBus" is PÅ.
#[derive(Debug)]
pub struct ShownIf {
    pub field: &'static str,
    /// Shown when the field has any of these values.
    pub any_of: &'static [&'static str],
}

impl ShownIf {
    pub fn holds(&self, raw: &RawForm) -> bool {
        // One value or several (a multi-choice): either way, `many` has them.
        raw.many(self.field)
            .iter()
            .any(|v| self.any_of.contains(&v.as_str()))
    }
}

#[derive(Debug)]
pub struct Section {
    pub title: Text,
    pub fields: &'static [FieldSpec],
    /// `Some`: the section is filled in once per item (one row per user of "Hjemmekontor").
    pub group: Option<Group>,
}

/// A repeatable group: every field of the section holds one value per row, row `i` of
/// each field belongs together, and errors are at `field.i`. A row left wholly empty is
/// no answer. Fields in a group cannot be conditional.
#[derive(Debug)]
pub struct Group {
    pub max: u32,
    /// What one row is ("Bruker"), numbered in the page: "Bruker 2".
    pub item: Text,
}

impl Section {
    /// An ordinary section: each field once.
    pub const fn new(title: Text, fields: &'static [FieldSpec]) -> Self {
        Section {
            title,
            fields,
            group: None,
        }
    }
}

#[derive(Debug)]
pub struct FieldSpec {
    /// Key in the submission and in error paths; stable, never shown.
    pub id: &'static str,
    pub label: Text,
    pub hint: Option<Text>,
    pub kind: FieldKind,
    pub required: bool,
    /// `Some(max)`: the user may enter several values (e.g. HER-ids), up to `max`.
    pub repeat: Option<u32>,
    /// `Some`: shown and asked for only when the condition holds; otherwise ignored.
    pub shown_if: Option<ShownIf>,
}

impl FieldSpec {
    /// Whether the field is part of the form as `raw` stands.
    pub fn is_shown(&self, raw: &RawForm) -> bool {
        self.shown_if.as_ref().is_none_or(|c| c.holds(raw))
    }
}

/// What a field holds, and so which rule checks it and which keyboard a phone shows.
#[derive(Debug)]
pub enum FieldKind {
    Text {
        max: u32,
    },
    OrgNumber,
    Phone,
    Mobile,
    Email,
    HerId,
    Fodselsnummer {
        allow_fh: bool,
    },
    /// Tick one or more of the choices.
    MultiChoice(&'static [Choice]),
    /// Pick one of the choices (radio buttons).
    OneChoice(&'static [Choice]),
    /// AV/PÅ: `SWITCH_ON` or nothing.
    Switch,
    /// A date: `2026-11-23` (a date input's value) or `23.11.2026` as typed.
    Date,
    /// A domain name (`legekontoret.no`).
    Domain,
    /// A PDF uploaded beforehand (`POST /api/attachments`); the answer is its reference.
    Attachment,
}

/// The value of a switch that is PÅ.
pub const SWITCH_ON: &str = "on";

#[derive(Debug)]
pub struct Choice {
    pub value: &'static str,
    pub label: Text,
    pub hint: Option<Text>,
}

impl FieldKind {
    /// The HTML input type.
    pub fn input_type(&self) -> &'static str {
        match self {
            FieldKind::Email => "email",
            FieldKind::Date => "date",
            FieldKind::Phone | FieldKind::Mobile => "tel",
            _ => "text",
        }
    }

    /// The `inputmode` hint, so phones show a number pad for numbers.
    pub fn input_mode(&self) -> &'static str {
        match self {
            FieldKind::OrgNumber | FieldKind::HerId | FieldKind::Fodselsnummer { .. } => "numeric",
            FieldKind::Phone | FieldKind::Mobile => "tel",
            FieldKind::Email => "email",
            FieldKind::Domain => "url",
            _ => "text",
        }
    }

    /// The `autocomplete` token where the browser may help fill in.
    pub fn autocomplete(&self) -> &'static str {
        match self {
            FieldKind::Email => "email",
            FieldKind::Phone | FieldKind::Mobile => "tel-national",
            _ => "off",
        }
    }

    /// Checks one typed-in value against this kind's rule.
    pub fn parse(&self, input: &str) -> Result<Value, FieldError> {
        Ok(match self {
            FieldKind::Text { max } => Value::Text(BoundedText::parse(input, *max)?),
            FieldKind::OrgNumber => Value::OrgNumber(OrgNumber::parse(input)?),
            FieldKind::Phone => Value::Phone(PhoneNumber::parse(input)?),
            FieldKind::Mobile => Value::Mobile(MobileNumber::parse(input)?),
            FieldKind::Email => Value::Email(Email::parse(input)?),
            FieldKind::HerId => Value::HerId(HerId::parse(input)?),
            FieldKind::Fodselsnummer { allow_fh } => {
                Value::Fodselsnummer(Fodselsnummer::parse_with(input, *allow_fh)?)
            }
            FieldKind::Date => Value::Date(Date::parse(input)?),
            FieldKind::Attachment => Value::Attachment(AttachmentRef::parse(input)?),
            FieldKind::Domain => Value::Domain(DomainName::parse(input)?),
            FieldKind::OneChoice(choices) => Value::Choice(
                choices
                    .iter()
                    .find(|c| c.value == input)
                    .ok_or(FieldError::UnknownChoice)?
                    .value,
            ),
            FieldKind::Switch if input == SWITCH_ON => Value::Switch(true),
            FieldKind::MultiChoice(_) | FieldKind::Switch => {
                return Err(FieldError::UnknownChoice);
            }
        })
    }
}

/// What the user typed: field id → one string, or several (repeatable fields, multi-choice).
/// Never cleared or rewritten by validation: errors travel beside it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(transparent)]
pub struct RawForm(pub BTreeMap<String, RawValue>);

/// On the wire a string or a list of strings (`#[serde(untagged)]` for the schema and
/// for writing; read by `RawValueVisitor`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(untagged)]
pub enum RawValue {
    One(String),
    Many(Vec<String>),
}

/// Read by what the JSON holds, a string or a list, instead of serde's untagged derive,
/// which copies every value into a buffer of its own first and then tries each variant
/// on it: one allocation less per answer, and a clearer message for anything else.
impl<'de> Deserialize<'de> for RawValue {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RawValueVisitor)
    }
}

struct RawValueVisitor;

impl<'de> serde::de::Visitor<'de> for RawValueVisitor {
    type Value = RawValue;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a string or a list of strings")
    }

    fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<RawValue, E> {
        Ok(RawValue::One(value.to_owned()))
    }

    fn visit_string<E: serde::de::Error>(self, value: String) -> Result<RawValue, E> {
        Ok(RawValue::One(value))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<RawValue, A::Error> {
        let mut values = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(value) = seq.next_element()? {
            values.push(value);
        }
        Ok(RawValue::Many(values))
    }
}

impl RawForm {
    /// The single value of a field ("" when absent).
    pub fn one(&self, id: &str) -> &str {
        match self.0.get(id) {
            Some(RawValue::One(s)) => s,
            Some(RawValue::Many(v)) => v.first().map_or("", String::as_str),
            None => "",
        }
    }

    /// The values of a repeatable or multi-choice field (empty when absent).
    pub fn many(&self, id: &str) -> Vec<String> {
        match self.0.get(id) {
            Some(RawValue::Many(v)) => v.clone(),
            Some(RawValue::One(s)) if !s.is_empty() => vec![s.clone()],
            _ => Vec::new(),
        }
    }

    pub fn set_one(&mut self, id: &str, value: String) {
        self.0.insert(id.to_owned(), RawValue::One(value));
    }

    pub fn set_many(&mut self, id: &str, values: Vec<String>) {
        self.0.insert(id.to_owned(), RawValue::Many(values));
    }
}

/// A validated value of one field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Text(BoundedText),
    OrgNumber(OrgNumber),
    Phone(PhoneNumber),
    Mobile(MobileNumber),
    Email(Email),
    HerId(HerId),
    Fodselsnummer(Fodselsnummer),
    Choices(Vec<&'static str>),
    Choice(&'static str),
    Switch(bool),
    Date(Date),
    Attachment(AttachmentRef),
    Domain(DomainName),
    List(Vec<Value>),
    /// An optional field left empty.
    Absent,
}

impl Value {
    /// The normalised text form, as stored and shown on the receipt.
    pub fn normalised(&self) -> RawValue {
        match self {
            Value::Text(v) => RawValue::One(v.to_string()),
            Value::OrgNumber(v) => RawValue::One(v.to_string()),
            Value::Phone(v) => RawValue::One(v.to_string()),
            Value::Mobile(v) => RawValue::One(v.to_string()),
            Value::Email(v) => RawValue::One(v.to_string()),
            Value::HerId(v) => RawValue::One(v.to_string()),
            Value::Fodselsnummer(v) => RawValue::One(v.expose().to_owned()),
            Value::Choices(v) => RawValue::Many(v.iter().map(|s| (*s).to_owned()).collect()),
            Value::Choice(v) => RawValue::One((*v).to_owned()),
            Value::Switch(on) => RawValue::One(if *on { SWITCH_ON } else { "" }.to_owned()),
            Value::Date(d) => RawValue::One(d.to_string()),
            Value::Attachment(a) => RawValue::One(a.to_string()),
            Value::Domain(d) => RawValue::One(d.to_string()),
            Value::List(items) => RawValue::Many(
                items
                    .iter()
                    .filter_map(|v| match v.normalised() {
                        RawValue::One(s) => Some(s),
                        RawValue::Many(_) => None,
                    })
                    .collect(),
            ),
            Value::Absent => RawValue::One(String::new()),
        }
    }
}

/// A submission that passed its spec: every field's typed value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidForm {
    pub spec_id: &'static str,
    pub values: BTreeMap<&'static str, Value>,
}

impl ValidForm {
    /// The answers as an order keeps them: normalised, every fødselsnummer masked to its
    /// date of birth ("220690*****"). The number itself is needed only until the signing
    /// it names is done; the evidence keeps it as a keyed hash.
    pub fn for_the_record(&self) -> RawForm {
        let mut form = self.normalised();
        for (field, value) in &self.values {
            if let Value::Fodselsnummer(fnr) = value {
                form.0
                    .insert((*field).to_owned(), RawValue::One(fnr.to_string()));
            }
        }
        form
    }

    /// The normalised answers (digits without spaces, +47 removed, text trimmed).
    pub fn normalised(&self) -> RawForm {
        RawForm(
            self.values
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.normalised()))
                .collect(),
        )
    }
}

/// The error path of item `index` of a repeatable field: `"her_id_parter.0"`.
pub fn item_path(field: &str, index: usize) -> String {
    format!("{field}.{index}")
}

impl FormSpec {
    pub fn fields(&self) -> impl Iterator<Item = &'static FieldSpec> + use<'_> {
        self.sections.iter().flat_map(|s| s.fields.iter())
    }

    pub fn field(&self, id: &str) -> Option<&'static FieldSpec> {
        self.fields().find(|f| f.id == id)
    }

    /// The field's label as an error summary shows it: prefixed by its section's title
    /// when another field of the form has the same label ("Kommune – Navn"), so the
    /// summary never lists two entries that read alike.
    pub fn summary_label(&self, field: &FieldSpec, lang: Lang) -> String {
        let label = field.label.get(lang);
        let same = self.fields().filter(|f| f.label.get(lang) == label).count();
        match self
            .sections
            .iter()
            .find(|s| s.fields.iter().any(|f| f.id == field.id))
        {
            Some(section) if same > 1 => format!("{} – {label}", section.title.get(lang)),
            _ => label.to_owned(),
        }
    }

    /// Checks a whole submission; on failure every field's first error, keyed by path.
    pub fn validate(&self, raw: &RawForm) -> Result<ValidForm, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let mut values = BTreeMap::new();
        for section in self.sections.iter().filter(|s| s.group.is_some()) {
            section.validate_group(raw, &mut values, &mut errors);
        }
        for field in self
            .sections
            .iter()
            .filter(|s| s.group.is_none())
            .flat_map(|s| s.fields.iter())
        {
            if !field.is_shown(raw) {
                // Hidden fields are not asked for, and what they held is not kept.
                values.insert(field.id, Value::Absent);
                continue;
            }
            match field.validate(raw, &mut errors) {
                Some(value) => {
                    values.insert(field.id, value);
                }
                None => debug_assert!(!errors.is_empty()),
            }
        }
        for rule in self.rules {
            match rule {
                Rule::DateOrder { from, to } => {
                    if let (Some(Value::Date(a)), Some(Value::Date(b))) =
                        (values.get(from), values.get(to))
                        && b < a
                    {
                        errors.add(*to, FieldError::DateBeforeStart);
                    }
                }
                Rule::AllChosen { field } => {
                    let all = self.field(field).map_or(0, |f| match f.kind {
                        FieldKind::MultiChoice(choices) => choices.len(),
                        _ => 0,
                    });
                    if let Some(Value::Choices(chosen)) = values.get(field)
                        && chosen.len() < all
                    {
                        errors.add(*field, FieldError::NotAllConfirmed);
                    }
                }
            }
        }
        errors.into_result(ValidForm {
            spec_id: self.id,
            values,
        })
    }
}

impl Section {
    /// The rows of a group as typed: row `i` holds each field's `i`th value.
    pub fn rows(&self, raw: &RawForm) -> Vec<Vec<String>> {
        let columns: Vec<Vec<String>> = self.fields.iter().map(|f| raw.many(f.id)).collect();
        let count = columns.iter().map(Vec::len).max().unwrap_or(0);
        (0..count)
            .map(|i| {
                columns
                    .iter()
                    .map(|c| c.get(i).cloned().unwrap_or_default())
                    .collect()
            })
            .collect()
    }

    /// Checks a group section: each row that has anything in it, field by field.
    fn validate_group(
        &self,
        raw: &RawForm,
        values: &mut BTreeMap<&'static str, Value>,
        errors: &mut ValidationErrors,
    ) {
        let Some(group) = &self.group else { return };
        let mut columns: Vec<Vec<Value>> = vec![Vec::new(); self.fields.len()];
        let filled: Vec<(usize, Vec<String>)> = self
            .rows(raw)
            .into_iter()
            .enumerate()
            .filter(|(_, row)| row.iter().any(|v| !v.trim().is_empty()))
            .collect();
        let first = self
            .fields
            .iter()
            .find(|f| f.required)
            .or(self.fields.first());
        match first {
            Some(first) if filled.is_empty() && first.required => {
                errors.add(item_path(first.id, 0), FieldError::Required);
            }
            Some(first) if filled.len() > group.max as usize => {
                errors.add(first.id, FieldError::TooMany { max: group.max });
            }
            _ => {}
        }
        for (index, row) in &filled {
            for ((field, input), column) in self.fields.iter().zip(row).zip(&mut columns) {
                match (input.trim(), field.required) {
                    ("", false) => column.push(Value::Absent),
                    ("", true) => errors.add(item_path(field.id, *index), FieldError::Required),
                    (input, _) => match field.kind.parse(input) {
                        Ok(v) => column.push(v),
                        Err(e) => errors.add(item_path(field.id, *index), e),
                    },
                }
            }
        }
        for (field, column) in self.fields.iter().zip(columns) {
            values.insert(field.id, Value::List(column));
        }
    }
}

impl FieldSpec {
    /// Checks this field in `raw`; errors go into `errors` under this field's paths.
    pub fn validate(&self, raw: &RawForm, errors: &mut ValidationErrors) -> Option<Value> {
        let before = errors.len();
        let value = match (&self.kind, self.repeat) {
            (FieldKind::MultiChoice(choices), _) => {
                self.validate_choices(choices, &raw.many(self.id), errors)
            }
            (_, Some(max)) => self.validate_list(max, &raw.many(self.id), errors),
            (kind, None) => match raw.one(self.id).trim() {
                "" if !self.required => Some(Value::Absent),
                "" => {
                    errors.add(self.id, FieldError::Required);
                    None
                }
                input => kind.parse(input).map_err(|e| errors.add(self.id, e)).ok(),
            },
        };
        (errors.len() == before).then_some(value).flatten()
    }

    /// Checks one item as typed, for the on-blur check in the SPA. Empty is not an error
    /// here: "required" is only reported on Send, not while the user is still filling in.
    pub fn check_on_blur(&self, input: &str) -> Option<FieldError> {
        if input.trim().is_empty()
            || matches!(
                self.kind,
                FieldKind::MultiChoice(_)
                    | FieldKind::OneChoice(_)
                    | FieldKind::Switch
                    | FieldKind::Attachment
            )
        {
            return None;
        }
        self.kind.parse(input).err()
    }

    fn validate_choices(
        &self,
        choices: &[Choice],
        picked: &[String],
        errors: &mut ValidationErrors,
    ) -> Option<Value> {
        let mut values = Vec::new();
        for p in picked {
            match choices.iter().find(|c| c.value == p) {
                Some(c) if !values.contains(&c.value) => values.push(c.value),
                Some(_) => {}
                None => errors.add(self.id, FieldError::UnknownChoice),
            }
        }
        if values.is_empty() && self.required {
            errors.add(self.id, FieldError::ChooseAtLeastOne);
        }
        Some(Value::Choices(values))
    }

    fn validate_list(
        &self,
        max: u32,
        items: &[String],
        errors: &mut ValidationErrors,
    ) -> Option<Value> {
        // Empty rows are the blank inputs a user added and left: not answers, not errors.
        let filled: Vec<(usize, &String)> = items
            .iter()
            .enumerate()
            .filter(|(_, s)| !s.trim().is_empty())
            .collect();
        if filled.is_empty() {
            if self.required {
                errors.add(item_path(self.id, 0), FieldError::Required);
            }
            return Some(Value::List(Vec::new()));
        }
        if filled.len() > max as usize {
            errors.add(self.id, FieldError::TooMany { max });
            return None;
        }
        let mut values = Vec::new();
        for (index, input) in filled {
            match self.kind.parse(input) {
                Ok(v) => values.push(v),
                Err(e) => errors.add(item_path(self.id, index), e),
            }
        }
        Some(Value::List(values))
    }
}

/// An answer as a person reads it: choice labels, AV/PÅ, dates as 24.12.2027, an
/// attachment by its file name, lists joined. The SPA's answer list and the receipt PDF
/// both show answers this way.
pub fn display_answer(kind: &FieldKind, value: Option<&RawValue>, lang: Lang) -> String {
    let values: Vec<String> = match value {
        Some(RawValue::One(s)) if !s.is_empty() => vec![s.clone()],
        Some(RawValue::Many(v)) => v.iter().filter(|s| !s.is_empty()).cloned().collect(),
        _ => Vec::new(),
    };
    let label_of = |choices: &[Choice], v: &String| {
        choices
            .iter()
            .find(|c| c.value == v)
            .map_or(v.clone(), |c| c.label.get(lang).to_owned())
    };
    let shown: Vec<String> = match kind {
        FieldKind::MultiChoice(choices) | FieldKind::OneChoice(choices) => {
            values.iter().map(|v| label_of(choices, v)).collect()
        }
        FieldKind::Switch => {
            let on = values.first().is_some_and(|v| v == SWITCH_ON);
            let text = if on {
                t::SWITCH_ON_LABEL
            } else {
                t::SWITCH_OFF_LABEL
            };
            vec![text.get(lang).to_owned()]
        }
        FieldKind::Date => values
            .iter()
            .map(|v| v.split('-').rev().collect::<Vec<_>>().join("."))
            .collect(),
        FieldKind::Attachment => values
            .iter()
            .map(|v| {
                v.split_once(':')
                    .map_or(v.clone(), |(_, name)| name.to_owned())
            })
            .collect(),
        // A fødselsnummer is shown as its birth date and stars, here and in every receipt.
        FieldKind::Fodselsnummer { .. } => {
            values.iter().map(|v| crate::validate::masked(v)).collect()
        }
        _ => values,
    };
    shown.join(", ")
}

/// One line of "Se over svarene" and of the receipt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerLine {
    /// The field to change it at (a group row's first field).
    pub field: &'static str,
    /// The row of a repeated group, counted from 0.
    pub row: Option<usize>,
    pub label: String,
    pub value: String,
}

impl FormSpec {
    /// Every shown field's label and answer, in the form's order; a repeated group gives
    /// one line per row ("Bruker 2: Borte Berit, 47654321"), not one per field with
    /// every row's values run together.
    pub fn answer_lines(&self, raw: &RawForm, lang: Lang) -> Vec<AnswerLine> {
        let mut lines = Vec::new();
        for section in self.sections {
            let Some(group) = &section.group else {
                lines.extend(section.fields.iter().filter(|f| f.is_shown(raw)).map(|f| {
                    AnswerLine {
                        field: f.id,
                        row: None,
                        label: self.summary_label(f, lang),
                        value: display_answer(&f.kind, raw.0.get(f.id), lang),
                    }
                }));
                continue;
            };
            let rows = section
                .fields
                .iter()
                .map(|f| raw.many(f.id).len())
                .max()
                .unwrap_or(0);
            let mut shown = 0;
            for row in 0..rows {
                let values: Vec<String> = section
                    .fields
                    .iter()
                    .map(|f| {
                        let value = raw.many(f.id).get(row).cloned().unwrap_or_default();
                        display_answer(&f.kind, Some(&RawValue::One(value)), lang)
                    })
                    .filter(|v| !v.is_empty())
                    .collect();
                // A row left wholly empty is no answer (as in validation).
                if values.is_empty() {
                    continue;
                }
                shown += 1;
                lines.push(AnswerLine {
                    field: section.fields.first().map_or("", |f| f.id),
                    row: Some(row),
                    label: format!("{} {shown}", group.item.get(lang)),
                    value: values.join(", "),
                });
            }
        }
        lines
    }
}
