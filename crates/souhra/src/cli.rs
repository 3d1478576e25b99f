//! The command line.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Souhra: community planning of social services and the catalogue of services for Czech
/// municipalities, ORPs and regions.
#[derive(Debug, Parser)]
#[command(name = "souhra", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// Configuration file (TOML); also SOUHRA_CONFIG.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the web application (listen address from SOUHRA_LISTEN, default 127.0.0.1:8080).
    Serve {
        /// Address to listen on, e.g. 0.0.0.0:8080 (overrides SOUHRA_LISTEN).
        #[arg(long, value_name = "ADDR")]
        listen: Option<String>,
    },
    /// Bring the database schema up to date and exit.
    Migrate,
    /// Create or refresh a demonstration database (ORP Nepomuk in Plzeňský kraj) and serve it.
    Demo {
        /// Address to listen on (overrides SOUHRA_LISTEN).
        #[arg(long, value_name = "ADDR")]
        listen: Option<String>,
        /// Folder for the demo database (default: souhra-demo in your data folder).
        #[arg(long, value_name = "DIR")]
        data_dir: Option<PathBuf>,
    },
    /// Print the effective configuration with secrets masked.
    Config,
    /// Write a consistent copy of the SQLite database while Souhra keeps running.
    Backup {
        /// The new backup file, e.g. /var/backups/souhra/souhra-2026-11-23.db.
        #[arg(long, value_name = "FILE")]
        to: PathBuf,
    },
    /// Territory of the Czech Republic and population data.
    #[command(subcommand)]
    Territory(TerritoryCommand),
    /// Planning areas of this installation.
    #[command(subcommand)]
    Area(AreaCommand),
    /// Import data into the catalogue of services.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Export the catalogue of services.
    #[command(subcommand)]
    Export(ExportCommand),
    /// The printed catalogue of an area's services.
    #[command(subcommand)]
    Catalogue(CatalogueCommand),
    /// Generate data for tests and benchmarks.
    #[command(subcommand)]
    Gen(GenCommand),
    /// Measure performance; prints figures.
    #[command(subcommand)]
    Bench(BenchCommand),
    /// The search index of the catalogue (kept in the data folder, under search/).
    #[command(subcommand)]
    Search(SearchCommand),
    /// The life situations on an area's home page (each a way into the catalogue by kinds of
    /// services and target groups).
    #[command(subcommand)]
    Situations(SituationsCommand),
    /// Accounts: add the first administrator, list accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// E-mail provider editors whose services have not been confirmed for months (for cron).
    Remind(Remind),
}

#[derive(Debug, Args)]
pub struct Remind {
    /// Services not confirmed for more than this many days are listed.
    #[arg(long, default_value_t = 183)]
    pub days: u32,
    /// Show who would get a reminder; send nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Remind also accounts reminded in the last 30 days.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create an account with a role (or give an existing account another role). Prints a
    /// one-time link to set the password, unless --password-stdin gives one.
    Add(UserAdd),
    /// List the accounts with their roles.
    List,
}

#[derive(Debug, Args)]
pub struct UserAdd {
    /// E-mail address (the login).
    #[arg(long)]
    pub email: String,
    /// administrator, coordinator, group-member, provider-editor or read-only.
    #[arg(long)]
    pub role: String,
    /// Slug of the area; an administrator without one runs the whole installation.
    #[arg(long)]
    pub area: Option<String>,
    /// IČO of the organization a provider editor keeps.
    #[arg(long)]
    pub organization: Option<String>,
    /// Display name (default: the e-mail address).
    #[arg(long)]
    pub name: Option<String>,
    /// Read the password from the first line of standard input instead of printing a link.
    #[arg(long)]
    pub password_stdin: bool,
}

#[derive(Debug, Subcommand)]
pub enum SituationsCommand {
    /// Print the area's situations in force as CSV (klic,nazev,druhy,cilove_skupiny).
    Show {
        /// Slug of the area.
        #[arg(long)]
        area: String,
    },
    /// Replace the area's situations with those of a CSV file of the same shape (checked first;
    /// nothing changes on an error).
    Set {
        /// Slug of the area.
        #[arg(long)]
        area: String,
        /// The CSV file.
        file: std::path::PathBuf,
    },
    /// Go back to the installation's default situations.
    Reset {
        /// Slug of the area.
        #[arg(long)]
        area: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum CatalogueCommand {
    /// Write the brochure of an area's services as a PDF: cover, contents, chapters, indexes of
    /// providers and municipalities, the coordinator's contacts. QR codes link to the public
    /// site when public_url is configured.
    Pdf(CataloguePdf),
}

/// How the brochure's chapters are made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ChapterGrouping {
    /// By target group (a service in full under its first group, referred to from the others).
    TargetGroup,
    /// By kind of service, in the order of the Act.
    Kind,
    /// By the municipality of the service's place.
    Municipality,
}

/// Paper size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PaperSize {
    /// A4, services one after another.
    A4,
    /// A5 booklet, one service a page.
    A5,
}

/// Language of a document's texts (the services' own texts stay Czech).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DocumentLanguage {
    /// Czech.
    Cs,
    /// English.
    En,
    /// Ukrainian.
    Uk,
}

#[derive(Debug, Args)]
pub struct CataloguePdf {
    /// Slug of the area.
    #[arg(long)]
    pub area: String,
    /// Chapters by target group, kind or municipality.
    #[arg(long, value_enum, default_value_t = ChapterGrouping::TargetGroup)]
    pub by: ChapterGrouping,
    /// Paper size.
    #[arg(long, value_enum, default_value_t = PaperSize::A4)]
    pub paper: PaperSize,
    /// Language of the document's texts.
    #[arg(long, value_enum, default_value_t = DocumentLanguage::Cs)]
    pub lang: DocumentLanguage,
    /// Output file (.pdf).
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum SearchCommand {
    /// Build the search index again from the catalogue (the server also does this by itself
    /// whenever the catalogue changes).
    Rebuild,
    /// Search the catalogue as the public site does, and print the results and facet counts.
    Query(SearchQueryArgs),
}

#[derive(Debug, Args)]
pub struct SearchQueryArgs {
    /// Words to search for, e.g. "pečovatelská služba".
    #[arg(default_value = "")]
    pub text: String,
    /// Only services serving this municipality (code, or a name that is unique).
    #[arg(long, value_name = "MUNICIPALITY")]
    pub serves: Option<String>,
    /// Kind of service (codelist key, e.g. 41); repeat for several.
    #[arg(long, value_name = "KEY")]
    pub kind: Vec<String>,
    /// Target group (codelist key); repeat for several.
    #[arg(long, value_name = "KEY")]
    pub target_group: Vec<String>,
    /// Form (pobytova, ambulantni, terenni); repeat for several.
    #[arg(long, value_name = "KEY")]
    pub form: Vec<String>,
    /// Only services open now (local time of this computer).
    #[arg(long)]
    pub open_now: bool,
    /// Nearest first (needs --serves).
    #[arg(long)]
    pub nearest: bool,
    /// Number of results to print.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub limit: u32,
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Import (or re-import) the MPSV registry's JSON export (rpss.json).
    Mpsv(ImportMpsv),
    /// Import local services (those not in the registry) from a CSV or XLSX sheet made from
    /// the template (`souhra export template`).
    Local(ImportLocal),
    /// Import services published as Open Referral HSDS 3.0 (services.json or a tabular data
    /// package), from Souhra or from another system.
    Hsds(ImportHsds),
}

#[derive(Debug, Args)]
pub struct ImportHsds {
    /// Folder with services.json or datapackage.json (or either file itself).
    pub path: PathBuf,
    /// Read and check everything and print the report, but store nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Store the valid services even if some are rejected (by default a rejection stores nothing).
    #[arg(long)]
    pub skip_invalid: bool,
    /// Kind of social service (codelist key, e.g. 37 for social counselling) for services that
    /// carry none, as those of other HSDS publishers.
    #[arg(long, value_name = "KEY")]
    pub default_kind: Option<String>,
}

/// Character encoding of a CSV file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CsvEncoding {
    /// UTF-8 (Excel: "CSV UTF-8").
    #[value(name = "utf-8")]
    Utf8,
    /// Windows-1250 (Czech Excel's plain "CSV").
    #[value(name = "windows-1250")]
    Windows1250,
}

#[derive(Debug, Args)]
pub struct ImportLocal {
    /// The sheet: .xlsx, or .csv (separated by , ; or tab).
    pub file: PathBuf,
    /// Read and check everything and print the report, but store nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Store the valid rows even if some are rejected (by default a rejection stores nothing).
    #[arg(long)]
    pub skip_invalid: bool,
    /// Encoding of a CSV file.
    #[arg(long, value_enum, default_value_t = CsvEncoding::Utf8)]
    pub encoding: CsvEncoding,
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Write the catalogue as Open Referral HSDS 3.0 in Souhra's Czech profile.
    Hsds(ExportHsds),
    /// Write the catalogue as a spreadsheet: FILE.xlsx, or FILE.csv (UTF-8 for Excel).
    Catalogue(ExportSheet),
    /// Write the empty template for importing local services: FILE.xlsx (with help and
    /// codelists) or FILE.csv.
    Template(ExportTemplate),
}

#[derive(Debug, Args)]
pub struct ExportSheet {
    /// Output file, .xlsx or .csv.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// Only the services of this planning area (slug); default: the whole catalogue.
    #[arg(long, value_name = "SLUG")]
    pub area: Option<String>,
    /// CSV: separate fields with ; as Excel with Czech settings expects (default ,).
    #[arg(long)]
    pub semicolon: bool,
}

#[derive(Debug, Args)]
pub struct ExportTemplate {
    /// Output file, .xlsx or .csv.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// CSV: separate fields with ; as Excel with Czech settings expects (default ,).
    #[arg(long)]
    pub semicolon: bool,
}

/// Shape of an HSDS export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum HsdsFormat {
    /// services.json: every service fully nested.
    Json,
    /// The tabular data package: datapackage.json and one CSV file per table.
    Datapackage,
}

#[derive(Debug, Args)]
pub struct ExportHsds {
    /// Shape of the export.
    #[arg(long, value_enum, default_value_t = HsdsFormat::Json)]
    pub format: HsdsFormat,
    /// Folder to write into (created if missing; files of an earlier export are replaced).
    #[arg(short, long, value_name = "DIR")]
    pub output: PathBuf,
    /// Only the services of this planning area (slug); default: the whole catalogue.
    #[arg(long, value_name = "SLUG")]
    pub area: Option<String>,
}

#[derive(Debug, Args)]
pub struct ImportMpsv {
    /// The registry file, or - for standard input.
    pub file: PathBuf,
    /// Store every service, not only those relevant to this installation's areas.
    #[arg(long)]
    pub all: bool,
    /// Read and check everything and print the report, but store nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Store the valid records even if some are rejected (by default a rejection stores nothing).
    #[arg(long)]
    pub skip_invalid: bool,
}

#[derive(Debug, Subcommand)]
pub enum GenCommand {
    /// Write a registry-shaped JSON file with made-up services over the real territory.
    Registry(GenRegistry),
}

#[derive(Debug, Args)]
pub struct GenRegistry {
    /// Number of services.
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=8_999_999))]
    pub services: u32,
    /// Output file, or - for standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// Seed: the same seed gives the same file.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Only in this region (RÚIAN code, e.g. 43).
    #[arg(long, value_name = "CODE")]
    pub region: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum BenchCommand {
    /// Registry import: generate a file, time parsing alone and the whole import, print peak RSS.
    Import(BenchImport),
    /// The printed catalogue: generate services in a region, time its brochure (A4 and A5) and
    /// print page counts and sizes.
    Catalogue(BenchCatalogue),
    /// Login: the server's work of one login with the production argon2id parameters.
    Login(BenchLogin),
    /// A plan: generate one (priorities, measures, activities), time its public page and its
    /// PDF and count the SQL statements of the page.
    Plan(BenchPlan),
    /// Public comment: a plan out for comment with many comments, mostly settled; times the
    /// settlement table (PDF, XLSX) and the public comment page.
    Comments(BenchComments),
    /// The analysis of the social situation: Plzeňský kraj with generated services and a
    /// fictional age structure; times the region's analysis page, a coverage page and the
    /// workbook, and counts their SQL statements.
    Analysis(BenchAnalysis),
    /// Needs surveys: concurrent clients post answers to the public form over loopback HTTP;
    /// prints throughput, latency percentiles and errors, and checks every answer is stored.
    Surveys(BenchSurveys),
    /// The region view: Plzeňský kraj with an area and a plan per ORP and generated services;
    /// times the view across the ORPs and counts its SQL statements.
    Region(BenchRegion),
}

#[derive(Debug, Args)]
pub struct BenchRegion {
    /// Services to generate in the region.
    #[arg(long, default_value_t = 800, value_parser = clap::value_parser!(u32).range(1..=20_000))]
    pub services: u32,
    /// Page loads to time.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub rounds: u32,
}

#[derive(Debug, Args)]
pub struct BenchSurveys {
    /// Concurrent clients.
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub clients: u32,
    /// Answers to send in all.
    #[arg(long, default_value_t = 2000, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    pub answers: u32,
}

#[derive(Debug, Args)]
pub struct BenchAnalysis {
    /// Services to generate in the region.
    #[arg(long, default_value_t = 500, value_parser = clap::value_parser!(u32).range(1..=20_000))]
    pub services: u32,
    /// Page loads to time.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub rounds: u32,
}

#[derive(Debug, Args)]
pub struct BenchComments {
    /// Comments to generate.
    #[arg(long, default_value_t = 500, value_parser = clap::value_parser!(u32).range(1..=20_000))]
    pub comments: u32,
    /// Times each output is generated.
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u32).range(1..=100))]
    pub rounds: u32,
}

#[derive(Debug, Args)]
pub struct BenchPlan {
    /// Priorities (each with two goals).
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..=100))]
    pub priorities: u32,
    /// Measures, spread over the goals.
    #[arg(long, default_value_t = 40, value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub measures: u32,
    /// Activities, spread over the measures.
    #[arg(long, default_value_t = 150, value_parser = clap::value_parser!(u32).range(0..=5000))]
    pub activities: u32,
    /// Page loads to time.
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub rounds: u32,
}

#[derive(Debug, Args)]
pub struct BenchLogin {
    /// Number of logins to time.
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub rounds: u32,
}

#[derive(Debug, Args)]
pub struct BenchCatalogue {
    /// Number of services to generate (in Plzeňský kraj).
    #[arg(long, default_value_t = 500, value_parser = clap::value_parser!(u32).range(1..=20_000))]
    pub services: u32,
    /// Keep the A4 brochure in this file.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct BenchImport {
    /// Number of services to generate (6733 is the national registry today).
    #[arg(long, default_value_t = 6733, value_parser = clap::value_parser!(u32).range(1..=8_999_999))]
    pub services: u32,
}

#[derive(Debug, Subcommand)]
pub enum TerritoryCommand {
    /// Load the territory and codelists built into this program, then any population files given.
    Load {
        /// A population CSV file to load after the built-in data (wide or long layout, see
        /// data/README.md); may be repeated.
        #[arg(long, value_name = "FILE")]
        population: Vec<PathBuf>,
    },
    /// Look municipalities up by name (diacritics optional), postcode or code.
    Find {
        /// What to look for, e.g. "plzen" or "335 01".
        query: String,
        /// Only within this area (slug).
        #[arg(long, value_name = "SLUG")]
        area: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum AreaCommand {
    /// Create a planning area.
    Add(AreaAdd),
    /// List the planning areas.
    List,
    /// Show or set the contacts of the area's planning coordinator (printed in the brochure):
    /// the office's work contacts. Without options it shows them.
    Contact(AreaContact),
}

#[derive(Debug, Args)]
pub struct AreaContact {
    /// Slug of the area.
    #[arg(long)]
    pub area: String,
    /// Office or department, e.g. "Odbor sociálních věcí, Městský úřad Nepomuk".
    #[arg(long)]
    pub office: Option<String>,
    /// Name and role as the office publishes them.
    #[arg(long)]
    pub person: Option<String>,
    /// Postal address.
    #[arg(long)]
    pub address: Option<String>,
    /// Phone.
    #[arg(long)]
    pub phone: Option<String>,
    /// E-mail.
    #[arg(long)]
    pub email: Option<String>,
    /// Web page.
    #[arg(long)]
    pub web: Option<String>,
    /// Remove the contacts.
    #[arg(long, conflicts_with_all = ["office", "person", "address", "phone", "email", "web"])]
    pub clear: bool,
}

#[derive(Debug, Args)]
pub struct AreaAdd {
    /// URL slug, e.g. "nepomuk" (lower-case letters, digits and hyphens).
    #[arg(long)]
    pub slug: String,
    /// Display name, e.g. "Nepomuk" (default: the name of the region, ORP or municipality).
    #[arg(long)]
    pub name: Option<String>,
    /// A whole region, by its RÚIAN code (e.g. 43 for Plzeňský kraj).
    #[arg(long, value_name = "CODE", group = "scope")]
    pub region: Option<String>,
    /// A whole ORP, by its ČSÚ code (e.g. 3207 for Nepomuk).
    #[arg(long, value_name = "CODE", group = "scope")]
    pub orp: Option<String>,
    /// One or more municipalities by code (repeat the option, or separate codes with commas).
    #[arg(
        long = "municipality",
        value_name = "CODE",
        group = "scope",
        value_delimiter = ','
    )]
    pub municipalities: Vec<String>,
    /// Mark the area as a demonstration with fictional content.
    #[arg(long)]
    pub demo: bool,
}
