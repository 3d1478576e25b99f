# Souhra – české texty rozhraní (výchozí jazyk). Každý klíč musí být i v en.ftl a uk.ftl.

## Obecné
site-name = Souhra
site-tagline = Komunitní plánování sociálních služeb
page-title = { $page } – Souhra
skip-to-content = Přeskočit na obsah
nav-main = Hlavní navigace
nav-areas = Oblasti
nav-about = O aplikaci
nav-language = Jazyk
breadcrumb = Kde jste
language-name-cs = Čeština
language-name-en = English
language-name-uk = Українська
demo-banner-title = Ukázková data
demo-banner-text = Tato oblast slouží k vyzkoušení aplikace. Území a počty obyvatel jsou skutečné, ostatní obsah je smyšlený.
footer-version = Souhra { $version }
footer-data = Data o území a obyvatelstvu: Český statistický úřad.
footer-about-data = Zdroje dat

## Počty (české množné číslo: 1 / 2–4 / ostatní)
municipality-count = { $count ->
    [one] { $count } obec
    [few] { $count } obce
   *[other] { $count } obcí
}
inhabitant-count = { $count ->
    [one] { $count } obyvatel
    [few] { $count } obyvatelé
   *[other] { $count } obyvatel
}
as-of-date = k { $date }

## Druhy oblastí
area-kind-region = kraj
area-kind-orp = obec s rozšířenou působností
area-kind-municipalities = obec nebo sdružení obcí
area-name-region = { $name }
area-name-orp = ORP { $name }
area-name-municipalities = { $name }

## Typy obcí
municipality-kind-municipality = obec
municipality-kind-town = město
municipality-kind-market-town = městys
municipality-kind-statutory-city = statutární město
municipality-kind-capital-city = hlavní město
municipality-kind-military-area = vojenský újezd

## Úvodní stránka instalace
home-title = Plánování sociálních služeb
home-intro = Souhra pomáhá obcím, obcím s rozšířenou působností a krajům plánovat sociální služby společně s poskytovateli a občany a ukazovat tyto služby lidem, kteří je potřebují.
home-areas-title = Oblasti
home-no-areas = Zatím tu není založena žádná oblast.
home-no-areas-help = Správce ji založí příkazem „souhra area add“. Ukázku si můžete spustit příkazem „souhra demo“.

## Stránka oblasti
area-summary-title = Území
area-part-of = Oblast patří do:
area-children-title = Oblasti v kraji
area-orps-title = Obce s rozšířenou působností v kraji
area-municipalities-title = Obce v oblasti
area-municipalities-many = Oblast má { $count ->
    [one] { $count } obec
    [few] { $count } obce
   *[other] { $count } obcí
}. Svou obec najdete vyhledáváním.
col-name = Název
col-kind = Typ
col-population = Obyvatel
col-postcode = PSČ
col-orp = ORP
col-municipalities = Obcí

## Hledání obce
search-title = Najděte svou obec
search-label = Název obce nebo PSČ
search-hint = Stačí začátek názvu, bez diakritiky, například „nepomuk“ nebo „335 01“.
search-button = Hledat
search-results-title = Obce odpovídající „{ $query }“
search-no-results = Žádná obec v této oblasti neodpovídá zadání „{ $query }“. Zkuste kratší část názvu nebo PSČ.
search-too-long = Zadání je příliš dlouhé. Napište nejvýše { $max } znaků.

## Stránka obce
municipality-facts = Základní údaje
label-code = Kód obce
label-kind = Typ obce
label-orp = Obec s rozšířenou působností
label-pou = Obec s pověřeným obecním úřadem
label-district = Okres
label-region = Kraj
label-postcodes = PSČ
label-population = Počet obyvatel
label-location = Poloha
map-link = Zobrazit { $name } na mapě OpenStreetMap
map-link-note = (otevře web OpenStreetMap)
coordinates = { $lat } s. š., { $lon } v. d.
age-bands-title = Obyvatelé podle věku
age-bands-caption = Obyvatelé obce { $name } podle věku { $date }
age-bands-missing = Rozdělení obyvatel podle věku zatím pro tuto obec není k dispozici.
col-age = Věk
col-count = Počet
col-share = Podíl
age-band-range = { $from }–{ $to } let
age-band-open = { $from } a více let
municipality-not-current = Tato obec už v aktuálních údajích o území není uvedena (zanikla nebo se sloučila s jinou obcí).
population-missing = Počet obyvatel není znám.

## O aplikaci
about-title = O aplikaci Souhra
about-intro = Souhra je informační systém pro komunitní plánování sociálních služeb podle zákona č. 108/2006 Sb., o sociálních službách. Obec, obec s rozšířenou působností nebo kraj v něm mapuje sociální situaci, plánuje služby společně s poskytovateli a uživateli a zveřejňuje katalog sociálních služeb.
about-status = Tato verze obsahuje území České republiky, počty obyvatel obcí a číselníky registru poskytovatelů sociálních služeb. Katalog služeb, plánování a připomínkování přibudou v dalších verzích.
about-data-title = Zdroje dat
about-data-territory = Územní struktura ČR (kraje, okresy, obce s rozšířenou působností, pověřené obce a obce): Český statistický úřad, platnost k 1. 1. 2026.
about-data-population = Počet obyvatel obcí k 1. 1. 2021: Český statistický úřad.
about-data-points = Souřadnice obcí: projekt „GPS souřadnice a PSČ měst (obcí) v ČR“ (stav k 1. 1. 2018, volně k užití); poštovní směrovací čísla odvozená z RÚIAN.
about-data-codelists = Číselníky druhů sociálních služeb, cílových skupin a forem: Registr poskytovatelů sociálních služeb MPSV (otevřená data).
about-data-counts = V databázi je { $regions } krajů, { $orps } obcí s rozšířenou působností a { $municipalities ->
    [one] { $municipalities } obec
    [few] { $municipalities } obce
   *[other] { $municipalities } obcí
}.
about-kinds-title = Druhy sociálních služeb
about-kinds-intro = Druhy služeb podle zákona č. 108/2006 Sb. s kódy, pod kterými je vede registr MPSV. U kódů označených jako odvozené nebylo spojení kódu a názvu ověřeno ve zdroji.
col-paragraph = Paragraf
col-category = Kategorie
col-forms = Formy
col-registry-id = Kód v registru
id-status-confirmed = ověřeno
id-status-inferred = odvozeno
id-status-unknown = neznámý
kind-category-social_counselling = sociální poradenství
kind-category-social_care = služby sociální péče
kind-category-social_prevention = služby sociální prevence
form-residential = pobytová
form-outpatient = ambulantní
form-field = terénní
about-version = Verze programu { $version }, otisk dat o území { $fingerprint }.

## Chyby
error-400-title = Neplatný požadavek
error-400-text = Adrese nebo údajům ve formuláři nerozumíme. Zkontrolujte je prosím a zkuste to znovu.
error-404-title = Stránka nenalezena
error-404-text = Stránka na této adrese neexistuje. Možná byla přesunuta nebo je v adrese překlep.
error-500-title = Něco se pokazilo
error-500-text = Omlouváme se, při zpracování stránky došlo k chybě. Zkuste to prosím za chvíli znovu. Pokud potíže trvají, kontaktujte správce a uveďte kód chyby.
error-503-title = Služba je dočasně nedostupná
error-503-text = Databáze právě neodpovídá. Zkuste to prosím za chvíli znovu.
error-reference = Kód chyby: { $id }
error-back-home = Zpět na úvodní stránku
