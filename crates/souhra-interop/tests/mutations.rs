//! Mutation fuzzing of the CSV readers: thousands of damaged variants of real files (bytes
//! flipped, inserted, deleted, lines cut) must each give `Ok` or a `DataError` — never a panic —
//! and every error must name its file.
#![allow(clippy::unwrap_used)]

use souhra_interop::bundled;
use souhra_interop::codelist::{CodelistFiles, parse_codelists};
use souhra_interop::population::parse_population;
use souhra_interop::territory::{TerritoryFiles, parse_territory};

/// xorshift64*: a small deterministic generator, so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const INTERESTING: &[&[u8]] = &[
    b",",
    b"\"",
    b"\n",
    b"\r\n",
    b"\xEF\xBB\xBF",
    b"\xFF",
    b"-",
    b"0",
    b"9999999999999999999999",
    b"",
    b";",
    b"\xc5",
];

fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut data = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(data.len() + 1);
        match rng.below(5) {
            0 if at < data.len() => data[at] = rng.next() as u8,
            1 => {
                let piece = INTERESTING[rng.below(INTERESTING.len())];
                data.splice(at..at, piece.iter().copied());
            }
            2 if at < data.len() => {
                let end = (at + 1 + rng.below(20)).min(data.len());
                data.drain(at..end);
            }
            3 => data.truncate(at),
            _ => {
                let line_end = data[at.min(data.len())..]
                    .iter()
                    .position(|b| *b == b'\n')
                    .map_or(data.len(), |p| at + p);
                let copy = data[at.min(line_end)..line_end].to_vec();
                data.splice(line_end..line_end, copy);
            }
        }
    }
    data
}

fn head(bytes: &[u8], lines: usize) -> Vec<u8> {
    let end = bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .nth(lines)
        .map_or(bytes.len(), |(i, _)| i + 1);
    bytes[..end].to_vec()
}

#[test]
fn population_reader_survives_damaged_files() {
    let original = head(bundled::file("population/obyvatele_obce.csv").unwrap(), 40);
    let mut rng = Rng(0x5eed_0001);
    let (mut ok, mut failed) = (0, 0);
    for _ in 0..4000 {
        let input = mutate(&mut rng, &original);
        match parse_population("p.csv", &input) {
            Ok(_) => ok += 1,
            Err(error) => {
                assert!(error.to_string().starts_with("p.csv"), "{error}");
                failed += 1;
            }
        }
    }
    assert!(
        ok > 0 && failed > 0,
        "the mutations should hit both outcomes: {ok} ok, {failed} failed"
    );
}

#[test]
fn territory_reader_survives_damaged_files() {
    let file = |path| bundled::file(path).unwrap();
    let municipalities = head(file("territory/obce.csv"), 60);
    let mut rng = Rng(0x5eed_0002);
    for _ in 0..1500 {
        let damaged = mutate(&mut rng, &municipalities);
        let files = TerritoryFiles {
            regions: file("territory/kraje.csv"),
            districts: file("territory/okresy.csv"),
            orps: file("territory/orp.csv"),
            pous: file("territory/pou.csv"),
            municipalities: &damaged,
        };
        if let Err(error) = parse_territory(files) {
            assert!(!error.to_string().is_empty());
        }
    }
}

#[test]
fn codelist_reader_survives_damaged_files() {
    let file = |path| bundled::file(path).unwrap();
    let kinds = file("codelists/druhy_socialnich_sluzeb.csv");
    let mut rng = Rng(0x5eed_0003);
    for _ in 0..1500 {
        let damaged = mutate(&mut rng, kinds);
        let files = CodelistFiles {
            service_kinds: &damaged,
            service_kinds_api: file("codelists/druhy_mpsv_api_ciselnik.csv"),
            target_groups: file("codelists/cilove_skupiny.csv"),
            age_groups: file("codelists/vekove_skupiny.csv"),
            forms_and_capacities: file("codelists/formy_a_kapacity.csv"),
        };
        if let Err(error) = parse_codelists(files) {
            assert!(
                error.to_string().contains("druhy_socialnich_sluzeb.csv"),
                "{error}"
            );
        }
    }
}
