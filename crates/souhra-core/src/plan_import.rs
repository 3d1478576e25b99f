//! Checking a plan's structure imported from a workbook before anything is stored: references
//! unique, every parent present and of the right kind, no cycles, dates in order, target groups
//! known, budget rows naming an element with a year, a known source and a whole non-negative
//! amount. Every problem is reported with its sheet and line, so the office can fix them all at
//! once.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use crate::plan::{ElementKind, FundingSource};

/// Which sheet a problem is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sheet {
    /// The elements.
    Structure,
    /// The budget lines.
    Budget,
}

/// A row of the structure sheet as read (values not yet checked stay as typed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StructureRow {
    /// Line in the sheet.
    pub line: u64,
    /// The row's own reference, e.g. `P1`.
    pub reference: String,
    /// The kind, or the text that is not one.
    pub kind: Result<ElementKind, String>,
    /// The parent's reference.
    pub parent: Option<String>,
    /// Title.
    pub title: String,
    /// Start, or the text that is not a date.
    pub start: Result<Option<NaiveDate>, String>,
    /// End, or the text that is not a date.
    pub end: Result<Option<NaiveDate>, String>,
    /// Target groups as typed that matched no group.
    pub unknown_groups: Vec<String>,
}

/// A row of the budget sheet as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetRow {
    /// Line in the sheet.
    pub line: u64,
    /// The element's reference.
    pub reference: String,
    /// Year, or the text that is not one.
    pub year: Result<i32, String>,
    /// Source, or the text that is not one.
    pub source: Result<FundingSource, String>,
    /// Amount, or the text that is not one.
    pub amount: Result<i64, String>,
}

/// What is wrong with a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The row has no reference.
    NoReference,
    /// Another row has the same reference.
    DuplicateReference(String),
    /// Not a kind of element.
    UnknownKind(String),
    /// No title.
    NoTitle,
    /// The parent named is not in the sheet.
    MissingParent(String),
    /// The parent is of the wrong kind (or a top-level element has one, or one is missing).
    WrongParent {
        /// The row's kind.
        kind: ElementKind,
        /// The kind of parent it needs (`None`: none at all).
        expected: Option<ElementKind>,
    },
    /// Following the parents leads back to the row.
    Cycle,
    /// Not a date.
    BadDate(String),
    /// The end is before the start.
    ReversedDates,
    /// A target group that is not known.
    UnknownGroup(String),
    /// A budget row names no element of the sheet.
    UnknownElement(String),
    /// Not a year from 2000 to 2100.
    BadYear(String),
    /// Not a source of money.
    UnknownSource(String),
    /// Not a whole non-negative amount.
    BadAmount(String),
}

/// Every problem of the rows, in sheet and line order.
pub fn check(rows: &[StructureRow], budget: &[BudgetRow]) -> Vec<(Sheet, u64, Problem)> {
    let mut problems = Vec::new();
    let mut kinds: HashMap<&str, Option<ElementKind>> = HashMap::new();
    let mut parents: HashMap<&str, Option<&str>> = HashMap::new();
    let mut seen = HashSet::new();
    for row in rows {
        let reference = row.reference.trim();
        if reference.is_empty() {
            problems.push((Sheet::Structure, row.line, Problem::NoReference));
        } else if !seen.insert(reference.to_lowercase()) {
            problems.push((
                Sheet::Structure,
                row.line,
                Problem::DuplicateReference(reference.to_owned()),
            ));
        } else {
            kinds.insert(reference, row.kind.as_ref().ok().copied());
            parents.insert(reference, row.parent.as_deref().map(str::trim));
        }
    }
    for row in rows {
        let mut add = |p| problems.push((Sheet::Structure, row.line, p));
        let kind = match &row.kind {
            Ok(k) => Some(*k),
            Err(text) => {
                add(Problem::UnknownKind(text.clone()));
                None
            }
        };
        if row.title.trim().is_empty() {
            add(Problem::NoTitle);
        }
        let parent = row
            .parent
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty());
        if let Some(kind) = kind {
            match (kind.parent(), parent) {
                (None, None) => {}
                (expected @ None, Some(_)) | (expected @ Some(_), None) => {
                    add(Problem::WrongParent { kind, expected });
                }
                (Some(expected), Some(parent)) => match kinds.get(parent) {
                    None => add(Problem::MissingParent(parent.to_owned())),
                    Some(Some(found)) if *found != expected => add(Problem::WrongParent {
                        kind,
                        expected: Some(expected),
                    }),
                    Some(_) => {}
                },
            }
        } else if let Some(parent) = parent
            && !kinds.contains_key(parent)
        {
            add(Problem::MissingParent(parent.to_owned()));
        }
        // A cycle: the parents lead back to this row.
        let start = row.reference.trim();
        let mut at = parent;
        let mut steps = 0;
        while let Some(current) = at {
            if current == start {
                add(Problem::Cycle);
                break;
            }
            steps += 1;
            if steps > rows.len() {
                break;
            }
            at = parents.get(current).copied().flatten();
        }
        let start_date = match &row.start {
            Ok(d) => *d,
            Err(text) => {
                add(Problem::BadDate(text.clone()));
                None
            }
        };
        let end_date = match &row.end {
            Ok(d) => *d,
            Err(text) => {
                add(Problem::BadDate(text.clone()));
                None
            }
        };
        if let (Some(s), Some(e)) = (start_date, end_date)
            && e < s
        {
            add(Problem::ReversedDates);
        }
        for group in &row.unknown_groups {
            add(Problem::UnknownGroup(group.clone()));
        }
    }
    for row in budget {
        let mut add = |p| problems.push((Sheet::Budget, row.line, p));
        if !kinds.contains_key(row.reference.trim()) {
            add(Problem::UnknownElement(row.reference.clone()));
        }
        match &row.year {
            Ok(y) if (2000..=2100).contains(y) => {}
            Ok(y) => add(Problem::BadYear(y.to_string())),
            Err(text) => add(Problem::BadYear(text.clone())),
        }
        if let Err(text) = &row.source {
            add(Problem::UnknownSource(text.clone()));
        }
        if let Err(text) = &row.amount {
            add(Problem::BadAmount(text.clone()));
        }
    }
    problems
}

/// The rows in an order where every parent comes before its children (for rows that passed
/// [`check`]), keeping the sheet's order otherwise.
pub fn parents_first(rows: &[StructureRow]) -> Vec<usize> {
    let mut placed: HashSet<&str> = HashSet::new();
    let mut order = Vec::with_capacity(rows.len());
    let mut left: Vec<usize> = (0..rows.len()).collect();
    while !left.is_empty() {
        let before = left.len();
        left.retain(|&i| {
            let parent = rows[i]
                .parent
                .as_deref()
                .map(str::trim)
                .filter(|p| !p.is_empty());
            if parent.is_none_or(|p| placed.contains(p)) {
                placed.insert(rows[i].reference.trim());
                order.push(i);
                false
            } else {
                true
            }
        });
        if left.len() == before {
            // Only rows with problems are left; [`check`] names them.
            order.append(&mut left);
        }
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(line: u64, reference: &str, kind: ElementKind, parent: Option<&str>) -> StructureRow {
        StructureRow {
            line,
            reference: reference.into(),
            kind: Ok(kind),
            parent: parent.map(str::to_owned),
            title: format!("{reference} title"),
            start: Ok(None),
            end: Ok(None),
            unknown_groups: Vec::new(),
        }
    }

    fn good() -> Vec<StructureRow> {
        vec![
            row(2, "O1", ElementKind::Measure, Some("C1")),
            row(3, "P1", ElementKind::Priority, None),
            row(4, "C1", ElementKind::Goal, Some("P1")),
            row(5, "A1", ElementKind::Activity, Some("O1")),
            row(6, "K1", ElementKind::Chapter, None),
        ]
    }

    fn money(line: u64, reference: &str, amount: Result<i64, String>) -> BudgetRow {
        BudgetRow {
            line,
            reference: reference.into(),
            year: Ok(2026),
            source: Ok(FundingSource::Municipality),
            amount,
        }
    }

    #[test]
    fn a_good_structure_passes_and_orders_parents_first() {
        let rows = good();
        assert_eq!(check(&rows, &[money(2, "O1", Ok(1000))]), []);
        let order: Vec<&str> = parents_first(&rows)
            .into_iter()
            .map(|i| rows[i].reference.as_str())
            .collect();
        assert_eq!(order, ["P1", "C1", "K1", "O1", "A1"]);
    }

    #[test]
    fn every_problem_is_named_with_its_line() {
        let mut rows = good();
        rows.push(row(7, "O2", ElementKind::Measure, Some("C9")));
        rows.push(row(8, "P1", ElementKind::Priority, None));
        rows.push(row(9, "A2", ElementKind::Activity, Some("C1")));
        let mut reversed = row(10, "O3", ElementKind::Measure, Some("C1"));
        reversed.start = NaiveDate::from_ymd_opt(2027, 1, 1)
            .map(Some)
            .ok_or(String::new());
        reversed.end = NaiveDate::from_ymd_opt(2026, 1, 1)
            .map(Some)
            .ok_or(String::new());
        reversed.unknown_groups = vec!["marťané".into()];
        rows.push(reversed);
        let mut unknown = row(11, "X1", ElementKind::Goal, Some("P1"));
        unknown.kind = Err("úkol".into());
        unknown.title = " ".into();
        unknown.end = Err("31. 2. 2026".into());
        rows.push(unknown);
        rows.push(row(12, "", ElementKind::Chapter, None));
        let budget = [
            money(2, "O1", Err("-5".into())),
            money(3, "Z9", Ok(1)),
            BudgetRow {
                line: 4,
                reference: "O1".into(),
                year: Err("dvacet".into()),
                source: Err("banka".into()),
                amount: Ok(5),
            },
        ];
        let problems = check(&rows, &budget);
        let expect = [
            (
                Sheet::Structure,
                8,
                Problem::DuplicateReference("P1".into()),
            ),
            (Sheet::Structure, 12, Problem::NoReference),
            (Sheet::Structure, 7, Problem::MissingParent("C9".into())),
            (
                Sheet::Structure,
                9,
                Problem::WrongParent {
                    kind: ElementKind::Activity,
                    expected: Some(ElementKind::Measure),
                },
            ),
            (Sheet::Structure, 10, Problem::ReversedDates),
            (
                Sheet::Structure,
                10,
                Problem::UnknownGroup("marťané".into()),
            ),
            (Sheet::Structure, 11, Problem::UnknownKind("úkol".into())),
            (Sheet::Structure, 11, Problem::NoTitle),
            (Sheet::Structure, 11, Problem::BadDate("31. 2. 2026".into())),
            (Sheet::Budget, 2, Problem::BadAmount("-5".into())),
            (Sheet::Budget, 3, Problem::UnknownElement("Z9".into())),
            (Sheet::Budget, 4, Problem::BadYear("dvacet".into())),
            (Sheet::Budget, 4, Problem::UnknownSource("banka".into())),
        ];
        for e in &expect {
            assert!(problems.contains(e), "missing {e:?} in {problems:?}");
        }
        assert_eq!(problems.len(), expect.len(), "{problems:?}");
    }

    #[test]
    fn cycles_are_found() {
        // Goals under goals cannot be, but a cycle is named as such even when kinds are wrong.
        let rows = vec![
            row(2, "C1", ElementKind::Goal, Some("C2")),
            row(3, "C2", ElementKind::Goal, Some("C1")),
            row(4, "S", ElementKind::Measure, Some("S")),
        ];
        let problems = check(&rows, &[]);
        for line in [2, 3, 4] {
            assert!(
                problems.contains(&(Sheet::Structure, line, Problem::Cycle)),
                "{line}: {problems:?}"
            );
        }
        assert_eq!(parents_first(&rows).len(), 3);
    }

    #[test]
    fn random_structures_end_and_keep_every_row() {
        // A small deterministic generator: many random structures with random parents, kinds
        // and references (cycles, self-parents, duplicates and gaps included).
        let mut seed: u64 = 0x5eed_cafe;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        for _ in 0..2000 {
            let count = next(12);
            let rows: Vec<StructureRow> = (0..count)
                .map(|i| {
                    let kind = ElementKind::ALL[usize::try_from(next(5)).unwrap()];
                    let parent = (next(3) > 0).then(|| format!("R{}", next(count + 2)));
                    row(
                        i + 2,
                        &format!("R{}", next(count + 1)),
                        kind,
                        parent.as_deref(),
                    )
                })
                .collect();
            let problems = check(&rows, &[]);
            assert!(problems.len() <= rows.len() * 8);
            let order = parents_first(&rows);
            let mut sorted = order.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, (0..rows.len()).collect::<Vec<_>>());
            if problems.is_empty() {
                // A clean structure comes out with every parent before its children.
                for (at, &i) in order.iter().enumerate() {
                    if let Some(p) = &rows[i].parent {
                        let parent_at =
                            order.iter().position(|&j| rows[j].reference == *p).unwrap();
                        assert!(parent_at < at);
                    }
                }
            }
        }
    }
}
