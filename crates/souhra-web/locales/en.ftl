# Souhra – English interface texts. Every key must also be in cs.ftl and uk.ftl.

## General
site-name = Souhra
site-tagline = Community planning of social services
page-title = { $page } – Souhra
skip-to-content = Skip to content
nav-main = Main navigation
nav-areas = Areas
nav-about = About
nav-language = Language
breadcrumb = You are here
language-name-cs = Čeština
language-name-en = English
language-name-uk = Українська
demo-banner-title = Demo data
demo-banner-text = This area is for trying the application out. The territory and population figures are real; all other content is fictional.
footer-version = Souhra { $version }
footer-data = Territory and population data: Czech Statistical Office.
footer-about-data = Data sources

## Counts
municipality-count = { $count ->
    [one] { $count } municipality
   *[other] { $count } municipalities
}
inhabitant-count = { $count ->
    [one] { $count } inhabitant
   *[other] { $count } inhabitants
}
as-of-date = as of { $date }

## Kinds of areas
area-kind-region = region
area-kind-orp = municipality with extended powers (ORP)
area-kind-municipalities = municipality or group of municipalities
area-name-region = { $name }
area-name-orp = ORP { $name }
area-name-municipalities = { $name }

## Kinds of municipalities
municipality-kind-municipality = municipality
municipality-kind-town = town
municipality-kind-market-town = market town
municipality-kind-statutory-city = statutory city
municipality-kind-capital-city = capital city
municipality-kind-military-area = military training area

## Installation home page
home-title = Planning social services
home-intro = Souhra helps municipalities, ORPs and regions plan social services together with providers and citizens, and bring those services to the people who need them.
home-areas-title = Areas
home-no-areas = No area has been set up yet.
home-no-areas-help = An administrator creates one with the command “souhra area add”. Start a demonstration with “souhra demo”.

## Area page
area-summary-title = Territory
area-part-of = This area belongs to:
area-children-title = Areas in the region
area-orps-title = Municipalities with extended powers in the region
area-municipalities-title = Municipalities in the area
area-municipalities-many = The area has { $count ->
    [one] { $count } municipality
   *[other] { $count } municipalities
}. Use the search to find yours.
col-name = Name
col-kind = Type
col-population = Inhabitants
col-postcode = Postcode
col-orp = ORP
col-municipalities = Municipalities

## Municipality search
search-title = Find your municipality
search-label = Municipality name or postcode
search-hint = The beginning of the name is enough, with or without diacritics, for example “nepomuk” or “335 01”.
search-button = Search
search-results-title = Municipalities matching “{ $query }”
search-no-results = No municipality in this area matches “{ $query }”. Try a shorter part of the name or the postcode.
search-too-long = The search text is too long. Use at most { $max } characters.

## Municipality page
municipality-facts = Key facts
label-code = Municipality code
label-kind = Type
label-orp = Municipality with extended powers
label-pou = Municipality with a commissioned office
label-district = District
label-region = Region
label-postcodes = Postcodes
label-population = Population
label-location = Location
map-link = Show { $name } on OpenStreetMap
map-link-note = (opens the OpenStreetMap website)
coordinates = { $lat } N, { $lon } E
age-bands-title = Population by age
age-bands-caption = Inhabitants of { $name } by age, { $date }
age-bands-missing = A breakdown of the population by age is not yet available for this municipality.
col-age = Age
col-count = Number
col-share = Share
age-band-range = { $from }–{ $to } years
age-band-open = { $from } years and over
municipality-not-current = This municipality is no longer listed in the current territory data (it was abolished or merged).
population-missing = The population is not known.

## About
about-title = About Souhra
about-intro = Souhra is an information system for community planning of social services under Czech Act No. 108/2006 Coll. on social services. A municipality, ORP or region uses it to map the social situation, plan services together with providers and users, and publish a catalogue of social services.
about-status = This version holds the territory of the Czech Republic, the population of municipalities and the codelists of the registry of social service providers. The catalogue of services, planning and public comment come in later versions.
about-data-title = Data sources
about-data-territory = Territorial structure of the Czech Republic (regions, districts, ORPs, POUs and municipalities): Czech Statistical Office, valid on 1 January 2026.
about-data-population = Population of municipalities on 1 January 2021: Czech Statistical Office.
about-data-points = Coordinates of municipalities: project “GPS souřadnice a PSČ měst (obcí) v ČR” (state of 1 January 2018, free to use); postcodes derived from RÚIAN.
about-data-codelists = Codelists of kinds of social services, target groups and forms: MPSV registry of social service providers (open data).
about-data-counts = The database holds { $regions } regions, { $orps } municipalities with extended powers and { $municipalities ->
    [one] { $municipalities } municipality
   *[other] { $municipalities } municipalities
}.
about-kinds-title = Kinds of social services
about-kinds-intro = Kinds of services under Act No. 108/2006 Coll. with the codes the MPSV registry uses for them. Codes marked as inferred have not been seen together with their name in a source.
col-paragraph = Section
col-category = Category
col-forms = Forms
col-registry-id = Registry code
id-status-confirmed = confirmed
id-status-inferred = inferred
id-status-unknown = unknown
kind-category-social_counselling = social counselling
kind-category-social_care = social care services
kind-category-social_prevention = social prevention services
form-residential = residential
form-outpatient = outpatient
form-field = field
about-version = Program version { $version }, territory data fingerprint { $fingerprint }.

## Errors
error-400-title = Bad request
error-400-text = We could not understand the address or the form data. Please check them and try again.
error-404-title = Page not found
error-404-text = There is no page at this address. It may have moved, or the address may contain a typo.
error-500-title = Something went wrong
error-500-text = Sorry, an error occurred while preparing the page. Please try again in a moment. If the problem persists, contact the administrator and quote the error code.
error-503-title = Service temporarily unavailable
error-503-text = The database is not answering right now. Please try again in a moment.
error-reference = Error code: { $id }
error-back-home = Back to the home page
