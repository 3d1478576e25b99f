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
error-403-title = Přístup odepřen
error-403-text = K této stránce nebo akci nemáte oprávnění. Pokud je potřebujete, obraťte se na koordinátora nebo správce.
error-404-title = Stránka nenalezena
error-404-text = Stránka na této adrese neexistuje. Možná byla přesunuta nebo je v adrese překlep.
error-500-title = Něco se pokazilo
error-500-text = Omlouváme se, při zpracování stránky došlo k chybě. Zkuste to prosím za chvíli znovu. Pokud potíže trvají, kontaktujte správce a uveďte kód chyby.
error-503-title = Služba je dočasně nedostupná
error-503-text = Databáze právě neodpovídá. Zkuste to prosím za chvíli znovu.
error-reference = Kód chyby: { $id }
error-back-home = Zpět na úvodní stránku

## Katalog služeb
nav-services = Najít pomoc
nav-list = Můj seznam
footer-accessibility = Prohlášení o přístupnosti
area-find-help = Najít pomoc
situations-title = Co právě řešíte?
situation-pecuji-o-blizkeho = Pečuji o blízkého
situation-pecuji-o-blizkeho-hint = Odlehčení, pomoc doma, denní stacionáře.
situation-starnu-doma = Stárnu a potřebuji pomoc doma
situation-starnu-doma-hint = Pečovatelská služba, osobní asistence, tísňová péče.
situation-bydleni-s-peci = Potřebuji bydlení s péčí
situation-bydleni-s-peci-hint = Domovy pro seniory, domovy se zvláštním režimem, chráněné bydlení.
situation-mam-dluhy = Mám dluhy
situation-mam-dluhy-hint = Odborné sociální poradenství a krizová pomoc.
situation-bez-domova = Jsem bez domova
situation-bez-domova-hint = Noclehárny, azylové domy, denní centra, terénní pracovníci.
situation-nasili = Zažívám násilí
situation-nasili-hint = Intervenční centra, krizová pomoc, linky důvěry.
situation-postizeni = Mám zdravotní postižení
situation-postizeni-hint = Osobní asistence, sociální rehabilitace, chráněné bydlení.
situation-cizinec = Jsem cizinec
situation-cizinec-hint = Poradenství a pomoc pro cizince.
situation-rodina = Naše rodina to má těžké
situation-rodina-hint = Sociálně aktivizační služby, raná péče, kluby pro děti a mládež.
situation-krize = Jsem v krizi
situation-krize-hint = Krizová pomoc a telefonická krizová pomoc nonstop.
situation-zavislost = Mám problém se závislostí
situation-zavislost-hint = Kontaktní centra, terapeutické komunity, následná péče.
services-title = Sociální služby
services-too-long = Hledaný text je příliš dlouhý (nejvýše { $max } znaků).
services-bad-page = Číslo stránky musí být celé číslo od 1 do { $max }.
services-too-many = Vybrali jste příliš mnoho hodnot jednoho filtru (nejvýše { $max }).
services-search-label = Co hledáte?
services-search-hint = Například pečovatelská služba, dluhy, senioři.
services-place-label = Kde?
services-place-hint = Obec, ve které pomoc potřebujete.
services-search-button = Hledat
services-place-unknown = Obec „{ $place }“ v tomto území nenacházíme. Zkontrolujte název nebo ho nechte prázdný.
services-place-several = Název „{ $place }“ má více obcí. Vyberte jednu:
filters-title = Upřesnit
filters-order = Řazení a čas
filters-order-relevance = Nejlepší shoda
filters-order-distance = Nejblíže k obci
filters-order-needs-place = Řazení podle vzdálenosti potřebuje vyplněnou obec.
filters-open-now = Jen právě otevřené
facet-kind = Druh služby
facet-target = Pro koho
facet-form = Forma
facet-age = Věk
filters-apply = Použít
services-found = { $count ->
    [one] Nalezena { $count } služba
    [few] Nalezeny { $count } služby
   *[other] Nalezeno { $count } služeb
}
services-serving = pro obec { $place }
services-showing = Zobrazeno { $first }–{ $last } z { $count }.
services-relaxed = Žádná služba neobsahuje všechna slova, proto ukazujeme ty, které obsahují alespoň některé.
map-show = Zobrazit na mapě
map-hide = Skrýt mapu
map-label = Mapa nalezených služeb
map-label-service = Mapa: { $name }
map-fallback = Mapa se nenačetla. Adresy najdete v seznamu.
map-open-osm = Otevřít místo na OpenStreetMap
services-none = Nic jsme nenašli. Zkuste méně slov, jiný výraz nebo zrušte některé filtry.
pagination = Stránky výsledků
pagination-prev = Předchozí
pagination-next = Další
pagination-page = Strana { $number }
verified-on = Ověřeno { $date }
verified-never = Údaje zatím neověřeny
verified-level-fresh = ověřeno v posledním půlroce
verified-level-aging = ověřeno před více než půl rokem
verified-level-stale = ověřeno před více než rokem
verified-level-never = neověřeno
card-provider = Poskytovatel
address-hidden = Adresa se nezveřejňuje ({ $municipality })
card-more-places = { $count ->
    [one] a { $count } další místo
    [few] a { $count } další místa
   *[other] a { $count } dalších míst
}
card-distance = { $distance } od vybrané obce
demo-tag = Ukázka
service-ended = Tato služba již není poskytována.
service-suspended = Poskytování této služby je přerušeno.
action-print = Vytisknout
action-add-to-list = Přidat do mého seznamu
action-in-list = Je ve vašem seznamu – zobrazit seznam
action-report = Nahlásit chybu v údajích
service-description = Popis
service-for-whom = Pro koho
service-target-groups = Cílové skupiny
service-age-groups = Věk
service-area = Působí v
unit-municipality = obec { $name }
unit-orp = ORP { $name }
unit-district = okres { $name }
unit-region = { $name }
service-where = Kde
service-no-places = Služba nemá uvedené místo poskytování.
service-forms = Formy, kapacita a provozní doba
service-capacity = Kapacita
service-continuous = Poskytuje se nepřetržitě.
service-hours = Provozní doba: { $form }
col-day = Den
col-hours = Čas
weekday-1 = pondělí
weekday-2 = úterý
weekday-3 = středa
weekday-4 = čtvrtek
weekday-5 = pátek
weekday-6 = sobota
weekday-7 = neděle
service-fees = Úhrady
service-contacts = Kontakty
label-phone = Telefon
label-email = E-mail
label-web = Web
label-registration = Identifikátor registrace
label-provided-from = Poskytuje se od
report-title = Nahlásit chybu
report-intro = Našli jste u služby „{ $name }“ chybný nebo zastaralý údaj? Napište nám, co je špatně. Koordinátor to ověří u poskytovatele.
report-message = Co je špatně?
report-message-hint = Nejméně { $min } a nejvýše { $max } znaků.
report-contact = Váš e-mail nebo telefon (nepovinné)
report-contact-hint = Jen pokud chcete odpověď. Nikde ho nezveřejníme.
report-honeypot = Toto pole nevyplňujte
report-send = Odeslat
report-privacy = Hlášení čte jen koordinátor katalogu. Kontakt použijeme jen k odpovědi.
report-expired = Formulář vypršel nebo nebyl odeslán z této stránky. Odešlete ho prosím znovu.
report-contact-too-long = Kontakt je příliš dlouhý (nejvýše 200 znaků).
report-message-length = Popište chybu alespoň 10 a nejvýše 2 000 znaky.
report-too-many = Z vašeho připojení přišlo v krátké době mnoho hlášení. Zkuste to prosím za deset minut.
report-thanks-title = Děkujeme
report-thanks-text = Hlášení jsme přijali. Koordinátor ho ověří a údaje opraví.
report-back = Zpět na službu { $name }
provider-kind = Poskytovatel sociálních služeb
label-ico = IČO
label-legal-form = Právní forma
label-seat = Sídlo
provider-services = { $count ->
    [one] { $count } služba
    [few] { $count } služby
   *[other] { $count } služeb
}
provider-ended = { $count ->
    [one] { $count } další služba již není poskytována.
    [few] { $count } další služby již nejsou poskytovány.
   *[other] { $count } dalších služeb již není poskytováno.
}
list-title = Můj seznam
list-intro = Služby, které jste si vybrali (nejvýše { $max }). Seznam je uložen v adrese stránky: můžete ji poslat, uložit do záložek nebo vytisknout. Nepotřebujete žádný účet.
list-missing = { $count ->
    [one] { $count } služba ze seznamu už v katalogu není.
    [few] { $count } služby ze seznamu už v katalogu nejsou.
   *[other] { $count } služeb ze seznamu už v katalogu není.
}
list-share = Adresa seznamu:
list-remove = Odebrat ze seznamu: { $name }
list-empty = Seznam je prázdný. Službu přidáte tlačítkem „Přidat do mého seznamu“ na její stránce.
list-find = Najít služby
a11y-title = Prohlášení o přístupnosti
a11y-intro = Chceme, aby katalog sociálních služeb mohl používat každý – i na telefonu, jen klávesnicí nebo se čtečkou obrazovky.
a11y-status-title = Stav souladu
a11y-status = Stránky jsou navrženy podle WCAG 2.1 na úrovni AA (norma EN 301 549) a podle zákona č. 99/2019 Sb. Jsou v souladu s výjimkami uvedenými níže.
a11y-how-title = Jak stránky používat
a11y-how-keyboard = Vše ovládnete klávesnicí: tabulátor přechází mezi odkazy a poli, první odkaz vede rovnou na obsah.
a11y-how-nojs = Vyhledávání, filtry, stránkování i „Můj seznam“ fungují i bez JavaScriptu.
a11y-how-zoom = Text lze zvětšit na 200 % a stránky se přizpůsobí šířce telefonu.
a11y-how-print = Stránku služby, výsledky i můj seznam lze vytisknout; tisková verze vynechá ovládací prvky.
a11y-how-languages = Rozhraní je česky, anglicky a ukrajinsky. Údaje o službách jsou česky, jak je uvádějí poskytovatelé.
a11y-limits-title = Známá omezení
a11y-limit-map = Mapa není pro čtečky obrazovky přístupná; tytéž údaje (adresy a vzdálenosti) jsou vždy i v seznamu.
a11y-limit-data = Texty popisů služeb píší poskytovatelé; jejich srozumitelnost neovlivníme.
a11y-check-title = Jak jsme přístupnost ověřili
a11y-check = Každá verze ({ $version }) se automaticky kontroluje nástrojem axe-core na všech typech stránek ve třech jazycích, na počítači i telefonu, a ovládání klávesnicí se zkouší ručně.
a11y-feedback-title = Zpětná vazba
a11y-feedback = Narazili jste na překážku? Napište koordinátorovi katalogu na úřad, který stránky provozuje; odpovíme do 30 dnů.
municipality-services = Služby pro obec { $name }
municipality-services-intro = { $count ->
    [one] Obci slouží { $count } služba. Nejbližší:
    [few] Obci slouží { $count } služby. Nejbližší:
   *[other] Obci slouží { $count } služeb. Nejbližší:
}
municipality-services-all = Všechny služby pro obec { $name } ({ $count })
municipality-services-none = Pro tuto obec zatím neznáme žádnou službu.
doc-cover-kicker = Katalog sociálních služeb
doc-brochure-title = Katalog sociálních služeb – { $area }
doc-edition = Vydání ze dne
doc-contents = Obsah
doc-how-title = Jak katalog používat
doc-how-intro = Katalog obsahuje sociální služby, které pomáhají lidem v obcích tohoto území: služby s místem poskytování v území i služby, které sem za lidmi dojíždějí. Všechny služby uvedené v katalogu jsou registrované nebo je do katalogu doplnil koordinátor plánování.
doc-how-by-target-group = Služby jsou rozděleny do kapitol podle toho, komu pomáhají (cílových skupin). Každá služba je celá popsána v kapitole své první cílové skupiny; v dalších kapitolách na ni odkazuje číslo a stránka.
doc-how-by-kind = Služby jsou rozděleny do kapitol podle druhu sociální služby v pořadí zákona o sociálních službách.
doc-how-by-municipality = Služby jsou rozděleny do kapitol podle obce, kde mají místo poskytování. Služby, které za lidmi dojíždějí z jiných míst, jsou v poslední kapitole.
doc-how-block = U každé služby najdete její číslo, druh, poskytovatele, formu, místa, kontakty, otevírací dobu a komu pomáhá. QR kód otevře stránku služby s úplnými a aktuálními údaji. Adresy některých zařízení (například azylových domů) se ze zákona nezveřejňují; uvádíme jen obec.
doc-how-indexes = Na konci katalogu je rejstřík poskytovatelů, rejstřík obcí s čísly služeb, které v každé obci pomáhají, a kontakt na koordinátora plánování sociálních služeb.
doc-online = Aktuální katalog na internetu:
doc-no-services = V katalogu tohoto území zatím nejsou žádné služby.
doc-chapter-other = Ostatní služby
doc-chapter-area-wide = Služby s místem poskytování mimo území
doc-number-short = č.
doc-page-short = s.
doc-provider = Poskytovatel
doc-forms = Forma
doc-places = Místa
doc-phone = Telefon
doc-email = E-mail
doc-web = Web
doc-target-groups = Pro koho
doc-hours = Provozní doba
doc-nonstop = nepřetržitě
doc-weekday-1 = po
doc-weekday-2 = út
doc-weekday-3 = st
doc-weekday-4 = čt
doc-weekday-5 = pá
doc-weekday-6 = so
doc-weekday-7 = ne
doc-more-places = { $count ->
    [one] a { $count } další místo (na webu)
    [few] a { $count } další místa (na webu)
   *[other] a { $count } dalších míst (na webu)
}
doc-suspended = Poskytování služby je pozastaveno.
doc-ended = Služba již není poskytována.
doc-qr-alt = QR kód s odkazem na stránku služby:
doc-qr-caption = více na webu
doc-also-here = Další služby pro tuto skupinu
doc-providers-title = Rejstřík poskytovatelů
doc-municipalities-title = Rejstřík obcí
doc-municipalities-note = U každé obce jsou čísla služeb, které v ní mají místo poskytování nebo do ní dojíždějí.
doc-none = zatím žádná služba
doc-coordinator-title = Koordinátor plánování sociálních služeb
doc-coordinator-missing = Kontakt na koordinátora zatím není uveden. Obraťte se na sociální odbor obecního úřadu.
doc-demo = Ukázková data: území a počty obyvatel jsou skutečné, služby a poskytovatelé jsou smyšlení.
doc-source = Údaje z registru poskytovatelů sociálních služeb (MPSV) a od poskytovatelů, stav ke dni { $date }. Vytvořeno aplikací Souhra.
doc-list-title = Můj seznam služeb
doc-download-title = Tištěný katalog
doc-download-intro = Všechny služby území v jednom dokumentu k vytištění. Vytváří se znovu při každé změně katalogu.
doc-download-a4 = Katalog ke stažení (PDF, A4)
doc-download-a5 = Brožura ke stažení (PDF, A5)
doc-card-pdf = Karta služby (PDF)
doc-list-pdf = Seznam jako PDF

## Accounts and the administration

nav-admin = Správa
footer-admin = Pro koordinátory a poskytovatele: přihlášení
login-title = Přihlášení
login-intro = Přihlášení je pro koordinátory plánování, poskytovatele sociálních služeb, členy pracovních skupin a zastupitele. Veřejnost katalog používá bez přihlášení.
login-email = E-mail
login-password = Heslo
login-submit = Přihlásit se
login-forgot = Zapomněli jste heslo?
login-who = Účet vám založí koordinátor plánování nebo správce pozvánkou e-mailem.
login-password-set = Heslo je nastaveno. Přihlaste se jím.
login-signed-out = Byli jste odhlášeni.
login-failed = E-mail nebo heslo nesouhlasí.
login-too-many = Z vašeho připojení přišlo příliš mnoho pokusů. Zkuste to prosím za několik minut.
login-locked = { $minutes ->
    [one] Účet je po opakovaných neúspěšných pokusech dočasně zablokován. Zkuste to znovu za { $minutes } minutu.
    [few] Účet je po opakovaných neúspěšných pokusech dočasně zablokován. Zkuste to znovu za { $minutes } minuty.
   *[other] Účet je po opakovaných neúspěšných pokusech dočasně zablokován. Zkuste to znovu za { $minutes } minut.
}
form-expired = Platnost formuláře vypršela. Odešlete ho prosím znovu.
logout-submit = Odhlásit se
forgot-title = Zapomenuté heslo
forgot-intro = Zadejte e-mail, kterým se přihlašujete. Pošleme na něj odkaz pro nastavení nového hesla.
forgot-submit = Poslat odkaz
forgot-sent = Pokud k zadané adrese existuje účet, poslali jsme na ni odkaz pro nastavení nového hesla.
forgot-back = Zpět na přihlášení
invitation-title = Přijetí pozvánky
invitation-intro = Vítejte v Souhře. Pro účet { $email } si zvolte heslo; jméno můžete upravit.
invitation-name = Jméno a příjmení
reset-title = Nové heslo
reset-intro = Zvolte nové heslo pro účet { $email }. Všechna dosavadní přihlášení skončí.
password-new = Nové heslo
password-hint = Alespoň { $min } znaků. Dobře se pamatuje věta z několika slov.
password-again = Heslo znovu
password-submit = Uložit heslo
password-name-invalid = Vyplňte prosím jméno (nejvýše 120 znaků).
password-length = Heslo musí mít alespoň { $min } znaků (nejvýše 200).
password-mismatch = Hesla se neshodují.
link-expired-title = Odkaz už neplatí
link-expired-text = Odkaz byl už použit nebo vypršela jeho platnost. O nový odkaz můžete požádat, nebo se obraťte na toho, kdo vás pozval.
admin-title = Správa
admin-signed-in-as = Přihlášen(a): { $name } ({ $email })
admin-installation = Jste správce celé instalace.
admin-areas = Vaše území
admin-no-areas = Zatím nemáte roli v žádném území.
admin-users-title = Uživatelé
admin-users-caption = Uživatelé s rolí v území { $area }
admin-user-name = Jméno
admin-user-roles = Role
admin-user-role = Role
admin-user-inactive = neaktivní
admin-no-users = V tomto území zatím nikdo nemá roli.
admin-invite-title = Pozvat uživatele
admin-invite-intro = Pozvaný dostane e-mail s odkazem, kterým si nastaví heslo. Kdo už účet má, dostane roli hned.
admin-invite-ico = IČO poskytovatele
admin-invite-ico-hint = Jen pro roli editor poskytovatele: organizace, jejíž služby bude spravovat.
admin-invite-submit = Poslat pozvánku
admin-invited = Pozvánka pro { $email } je odeslána.
admin-invite-email = Zadejte prosím platnou e-mailovou adresu.
admin-invite-name = Vyplňte prosím jméno (nejvýše 120 znaků).
admin-invite-ico-invalid = Editor poskytovatele potřebuje platné IČO organizace; jiné role IČO nemají.
role-administrator = správce
role-coordinator = koordinátor
role-group-member = člen pracovní skupiny
role-provider-editor = editor poskytovatele
role-read-only = jen čtení
mail-reset-subject = Souhra: nastavení nového hesla
mail-reset-body =
    Dobrý den,

    někdo (snad vy) požádal o nové heslo k vašemu účtu v Souhře. Nové heslo nastavíte na této adrese:

    { $link }

    Odkaz platí { $hours } h a lze ho použít jednou. Pokud jste o nové heslo nežádali, zprávu smažte; vaše heslo zůstává beze změny.

    Souhra
mail-invitation-subject = Souhra: pozvánka do území { $area }
mail-invitation-body =
    Dobrý den,

    { $inviter } vás zve do Souhry, informačního systému komunitního plánování sociálních služeb, v roli { $role } pro území { $area }.

    Heslo si nastavíte na této adrese:

    { $link }

    Odkaz platí { $days } dní a lze ho použít jednou.

    Souhra
mail-role-subject = Souhra: nová role v území { $area }
mail-role-body =
    Dobrý den,

    { $inviter } vám v Souhře přidělil(a) roli { $role } pro území { $area }. Přihlaste se jako obvykle:

    { $link }

    Souhra

## Provider self-service, moderation, history, audit

admin-services-title = Služby
admin-services-list = Seznam služeb
admin-services-caption = Služby v území { $area }
admin-verified = Ověřeno
admin-never-verified = nikdy
admin-verify-submit = Vše je stále správně
admin-verify-hint = Potvrdí, že údaje služby platí, a uloží dnešní datum ověření.
admin-edit-title = Upravit údaje
admin-edit-intro-provider = Změny odešlete ke schválení koordinátorovi; o rozhodnutí vám přijde e-mail. Údaje z registru MPSV, které zde nejsou, opravte v registru.
admin-edit-intro-moderator = Změny se uloží hned a zapíší do historie služby.
admin-edit-note = Poznámka ke změně (nepovinná)
admin-edit-submit-provider = Odeslat ke schválení
admin-edit-submit-moderator = Uložit změny
admin-list-hint = Každou položku na samostatný řádek.
admin-field-invalid = Pole „{ $field }“ má neplatnou hodnotu. Zkontrolujte délku, u webu adresu začínající https:// a u e-mailu tvar jmeno@domena.cz.
admin-proposed = Změny jsou odeslány ke schválení.
admin-saved = Změny jsou uloženy.
admin-verified-now = Údaje jsou potvrzeny jako aktuální.
admin-unchanged = Nic se nezměnilo.
admin-proposals-title = Vaše návrhy změn
freshness-title = Aktuálnost údajů
freshness-intro = Údaje, které nikdo nepotvrdil déle než { $months } měsíců, jsou označeny jako neověřené. Poskytovatelům pak přijde připomínka.
freshness-caption = Aktuálnost podle poskytovatelů
freshness-services = Služeb
freshness-stale = Neověřených
freshness-stale-mark = neověřeno
field-name = Název
field-description = Popis
field-fees = Úhrady
field-web = Web
field-emails = E-maily
field-phones = Telefony
field-verified-at = Datum ověření
history-title = Historie změn
history-field = Údaj
history-before = Předtím
history-after = Potom
history-registry-value = (údaj z registru)
history-someone = neznámý uživatel
history-restore = Obnovit tuto verzi
history-restored = Verze je obnovena; obnovení je zapsáno v historii.
history-empty = Služba zatím nemá žádné změny.
change-source-edit = úprava
change-source-moderation = schválený návrh poskytovatele
change-source-restore = obnovení starší verze
change-source-verification = potvrzení aktuálnosti
proposal-status-open = čeká na schválení
proposal-status-approved = schváleno
proposal-status-rejected = zamítnuto
queue-title = Ke schválení
queue-proposals = Návrhy změn od poskytovatelů
queue-reports = Hlášení chyb od veřejnosti
queue-note = Poznámka
queue-now = Nyní
queue-proposed = Navrženo
queue-reason = Zdůvodnění (u zamítnutí povinné)
queue-approve = Schválit
queue-reject = Zamítnout
queue-fixed = Opraveno
queue-not-a-mistake = Není chyba
queue-contact = Kontakt
queue-no-proposals = Žádné návrhy nečekají.
queue-no-reports = Žádná hlášení nečekají.
audit-title = Záznam činností
audit-who = Uživatel (e-mail)
audit-action = Činnost
audit-any = všechny
audit-action-service = změny služeb
audit-action-proposal = návrhy a jejich schválení
audit-action-report = hlášení chyb
audit-action-account = účty a pozvánky
audit-from = Od
audit-to = Do
audit-filter = Filtrovat
audit-csv = Stáhnout jako CSV
audit-caption = Nejnovější záznamy (nejvýše { $limit })
audit-at = Čas (UTC)
audit-record = Záznam
audit-detail = Podrobnosti
audit-empty = Žádné záznamy neodpovídají filtru.
mail-decision-no-reason = bez poznámky
mail-approved-subject = Souhra: změny služby { $service } jsou schváleny
mail-approved-body =
    Dobrý den,

    koordinátor schválil vaše změny služby { $service }. Na webu katalogu se projeví během několika sekund.

    Poznámka: { $reason }

    Souhra
mail-rejected-subject = Souhra: změny služby { $service } nebyly schváleny
mail-rejected-body =
    Dobrý den,

    koordinátor vaše změny služby { $service } neschválil.

    Zdůvodnění: { $reason }

    Souhra
report-field = Kterého údaje se chyba týká (nepovinné)
report-field-any = nevím / jiný údaj
mail-remind-subject = Souhra: ověřte prosím údaje svých služeb
mail-remind-body =
    Dobrý den,

    údaje těchto služeb v katalogu sociálních služeb nikdo nepotvrdil déle než { $months } měsíců:

    { $services }

    Otevřete prosím každou službu, zkontrolujte údaje a potvrďte je tlačítkem „Vše je stále správně“, nebo navrhněte opravy. Lidé, kteří hledají pomoc, se na katalog spoléhají.

    Souhra
admin-user-access = Přístup
admin-revoke = Odebrat
admin-revoke-label = Odebrat roli { $role } uživateli { $name }
admin-deactivate = Zablokovat
admin-activate = Povolit
admin-deactivate-label = Zablokovat přístup uživatele { $name }
admin-activate-label = Znovu povolit přístup uživatele { $name }
settings-title = Nastavení území
settings-contact-intro = Pracovní kontakt na koordinátora plánování: tiskne se na konec katalogu. Zveřejňujte jen kontakty úřadu, ne soukromé.
settings-contact-office = Úřad nebo odbor
settings-contact-person = Jméno a funkce
settings-contact-address = Adresa
settings-contact-phone = Telefon
settings-contact-email = E-mail
settings-contact-web = Web
settings-contact-invalid = Kontakt se nepodařilo uložit: vyplňte aspoň úřad, telefon nebo e-mail, e-mail ve tvaru jmeno@domena.cz a web začínající https://.
settings-save = Uložit
settings-situations-intro = Životní situace jsou cesty do katalogu na úvodní stránce území. Každá vybere druhy služeb a cílové skupiny.
settings-situations-defaults = Území zatím používá výchozí situace; první úpravou vznikne jeho vlastní seznam.
settings-situation = Situace
settings-kinds = Druhy služeb
settings-groups = Cílové skupiny
settings-actions = Úpravy
settings-up = Výš
settings-up-label = Posunout situaci { $title } výš
settings-remove-label = Odebrat situaci { $title }
settings-add-situation = Přidat životní situaci
settings-reset-situations = Vrátit výchozí situace
settings-situation-title = Název situace
settings-situation-title-hint = Nevyplněno: „{ $title }“ (v každém jazyce rozhraní).
situation-edit-title = Životní situace
situation-needs-title = Nová situace potřebuje název.
situation-invalid = Vyberte aspoň jeden druh služby nebo cílovou skupinu; název může mít nejvýše 100 znaků.
installation-title = Správa instalace
installation-areas = Území
installation-area-name = Název
installation-area-slug = Adresa na webu
installation-area-slug-hint = Malá písmena bez diakritiky, číslice a pomlčky, např. nepomuk. Později ji nelze změnit.
installation-area-kind = Druh území
installation-area-municipalities = Obcí
installation-area-population = Obyvatel
installation-area-demo-short = ukázka
installation-area-demo = Ukázkové území s vymyšleným obsahem
installation-area-codes = Kód území
installation-area-codes-hint = Kraj: kód kraje (např. 43). ORP: kód ORP (např. 3207). Obce: kódy obcí oddělené mezerou nebo čárkou (např. 557846 558141).
installation-no-areas = Instalace zatím nemá žádné území.
installation-area-new = Přidat území
installation-area-edit = Upravit území { $name }
installation-area-slug-invalid = Adresa smí obsahovat jen malá písmena a–z, číslice a jednotlivé pomlčky (nejvýše 64 znaků).
installation-area-slug-reserved = Tuto adresu používá aplikace sama; zvolte prosím jinou.
installation-area-slug-taken = Území s touto adresou už existuje; zvolte prosím jinou.
installation-area-name-invalid = Vyplňte prosím název (nejvýše 120 znaků).
installation-area-kind-invalid = Vyberte prosím druh území.
installation-area-codes-invalid = Kód území nemá správný tvar: kraj má 2 číslice, ORP 4 číslice a obec 6 číslic.
installation-area-codes-count = Kraj a ORP mají právě jeden kód; u obcí zadejte aspoň jeden.
installation-area-codes-unknown = Takový kraj, ORP nebo obec v datech o území není.
installation-labels-title = Názvy položek číselníků
installation-labels-intro = Úřední názvy z registru poskytovatelů můžete pro web a tištěný katalog nahradit srozumitelnějšími. Prázdné pole vrátí úřední název. Otevřená data používají vždy úřední názvy.
installation-labels-lists = Číselníky
installation-label-official = Úřední název
installation-label-shown = Zobrazovaný název
installation-label-hint = Nejvýše 200 znaků. Změna se na webu projeví během několika sekund.
installation-label-invalid = Název pro položku „{ $entry }“ je příliš dlouhý nebo obsahuje neplatné znaky (nejvýše { $max } znaků). Nic nebylo uloženo.
installation-audit-link = Záznam činností celé instalace (včetně přihlášení)
codelist-service-kind = Druhy sociálních služeb
codelist-target-group = Cílové skupiny
codelist-age-group = Věkové skupiny
codelist-form = Formy poskytování
codelist-capacity-type = Druhy kapacit
audit-area = Území
audit-action-area = nastavení území
audit-action-codelist = číselníky
audit-entity-service = služba č. { $id }
audit-event-service-edit = úprava služby
audit-event-service-moderation = schválená změna služby
audit-event-service-restore = obnovení starší verze služby
audit-event-service-verification = potvrzení aktuálnosti služby
audit-event-service-registry = změna údajů z registru při importu
audit-event-proposal-submit = návrh změny služby
audit-event-proposal-approve = schválení návrhu
audit-event-proposal-reject = zamítnutí návrhu
audit-event-report-resolve = hlášení chyby vyřízeno opravou
audit-event-report-reject = hlášení chyby odmítnuto
audit-event-account-login = přihlášení
audit-event-account-login-failed = neúspěšné přihlášení
audit-event-account-locked = účet dočasně zablokován po neúspěšných přihlášeních
audit-event-account-password = nastavení hesla
audit-event-account-invite = pozvání uživatele
audit-event-account-revoke = odebrání role
audit-event-account-activate = povolení přístupu
audit-event-account-deactivate = zablokování přístupu
audit-event-account-remind = připomínka ověření údajů
audit-event-area-create = vytvoření území
audit-event-area-update = úprava území
audit-event-area-contact = kontakt koordinátora
audit-event-area-situations = životní situace
audit-event-codelist-label = název položky číselníku
admin-waiting = { $count ->
    [one] čeká { $count } položka
    [few] čekají { $count } položky
   *[other] čeká { $count } položek
}
history-registry-field = { $field } (registr)
change-source-registry = nová data z registru MPSV
service-status-active = poskytuje se
service-status-suspended = pozastavena
service-status-ended = ukončena
mail-proposal-subject = Souhra: návrh změny služby { $service } čeká na schválení
mail-proposal-body =
    Dobrý den,

    { $who } navrhl(a) změny služby { $service } v území { $area }. Návrh čeká ve frontě ke schválení:

    { $link }

    Souhra
mail-report-subject = Souhra: nové hlášení chyby u služby { $service }
mail-report-body =
    Dobrý den,

    návštěvník katalogu území { $area } nahlásil chybu v údajích služby { $service }. Hlášení čeká ve frontě:

    { $link }

    Souhra
audit-event-plan-create = vytvoření plánu
audit-event-plan-edit = úprava plánu
audit-event-plan-status = změna stavu plánu
audit-event-plan-version = nová verze plánu
audit-event-plan-value = naměřená hodnota ukazatele
audit-entity-plan = plán č. { $id }
audit-entity-comment = připomínka č. { $id }
nav-analysis = Analýza
nav-plans = Plány
plans-title = Plány sociálních služeb
plans-intro = Komunitní plán říká, jaké sociální služby území potřebuje a co pro to obec, poskytovatelé a lidé, kteří služby využívají, společně udělají. Akční a realizační plány ho rozpracovávají na jednotlivé roky.
plans-current = Platné plány
plans-archive = Archiv ukončených plánů
plans-none = Území zatím nezveřejnilo žádný platný plán.
plan-kind-community_plan = Komunitní plán rozvoje sociálních služeb
plan-kind-action_plan = Akční plán
plan-kind-implementation_plan = Realizační plán
plan-kind-balance_report = Bilanční zpráva
plan-status-draft = rozpracovaný návrh
plan-status-in_comment = v připomínkovém řízení
plan-status-approved = schválený
plan-status-in_force = platný
plan-status-ended = ukončený
plan-approved = schválilo { $body } usnesením { $resolution } dne { $date }
plan-version = verze { $number }
plan-contents = Obsah
plan-vision = Vize
plan-priority = Priorita
plan-goal = Cíl
plan-measure = Opatření
plan-activities = Aktivity
plan-justification = Zdůvodnění
plan-target-groups = Cílové skupiny
plan-responsible = Odpovídá
plan-partners = Partneři
plan-when = Realizace
plan-outputs = Očekávané výstupy
plan-services = Související služby
plan-budget-caption = Rozpočet opatření { $title }
plan-year = Rok
plan-source = Zdroj
plan-amount = Částka
plan-total = Celkem
plan-total-all = Rozpočet plánu celkem:
funding-municipality = obec
funding-region = kraj
funding-mpsv = dotace MPSV
funding-esf_plus = EU – ESF+
funding-user_fees = úhrady uživatelů
funding-health_insurance = zdravotní pojišťovny
funding-other = jiné zdroje
indicator-status-not_started = zatím neměřeno
indicator-status-deteriorating = zhoršuje se
indicator-status-off_track = zlepšuje se, ale pomalu
indicator-status-on_track = podle plánu
indicator-status-achieved = splněno
indicator-chart-label = Graf ukazatele { $name } ({ $unit }): výchozí hodnota { $baseline } v roce { $baseline_year }, cíl { $target } v roce { $target_year }; stav: { $status }.
indicator-values = Hodnoty ukazatele { $name }
indicator-value = Hodnota
indicator-baseline = výchozí
indicator-target = cíl
planning-caption = Plány území { $area }
planning-kind = Druh
planning-period = Období
planning-state = Stav
planning-public = zveřejněná verze
planning-none = Území zatím nemá žádný plán.
planning-new = Nový plán
planning-topic = Téma nebo cílová skupina (u akčního plánu)
planning-from = Od roku
planning-to = Do roku
planning-create = Založit plán
planning-period-invalid = Období není platné: zadejte roky od 2000 do 2100, konec ne dříve než začátek; tento druh plánu trvá nejvýše { $max } let.
planning-title-invalid = Vyplňte prosím název (nejvýše 500 znaků, na jednom řádku).
planning-frozen = Tato verze je schválená a už se nemění. Úpravy začnou novou verzí.
planning-workflow = Postup schvalování
planning-approval = Schválení
planning-resolution = Číslo usnesení
planning-resolution-date = Datum usnesení
planning-body = Kdo schválil (např. Zastupitelstvo města Nepomuk)
planning-to-draft = Vrátit k úpravám
planning-to-in_comment = Zveřejnit k připomínkám
planning-to-approved = Zapsat schválení
planning-to-in_force = Uvést v platnost
planning-to-ended = Ukončit platnost
planning-new-version = Začít novou verzi
planning-markdown-hint = Odstavce oddělte prázdným řádkem; **tučně**, seznamy začínající „- “ a odkazy [text](https://…) fungují.
planning-kind-chapter = Kapitola
planning-kind-priority = Priorita
planning-kind-goal = Cíl
planning-kind-measure = Opatření
planning-kind-activity = Aktivita
planning-add-under = { $action } pod „{ $title }“
planning-add-chapter = Přidat kapitolu
planning-add-priority = Přidat prioritu
planning-add-goal = Přidat cíl
planning-add-measure = Přidat opatření
planning-add-activity = Přidat aktivitu
planning-empty = Plán zatím nemá obsah.
planning-new-chapter = Nová kapitola
planning-new-priority = Nová priorita
planning-new-goal = Nový cíl
planning-new-measure = Nové opatření
planning-new-activity = Nová aktivita
planning-saved-by-other = Mezitím uložil(a) někdo jiný
planning-your-text = Váš text (neuložen)
planning-text = Text
planning-organization = Odpovědná organizace
planning-person = Odpovědná osoba
planning-person-hint = Zveřejní se. Uveďte raději funkci (např. vedoucí odboru) než jméno.
planning-start = Začátek
planning-end = Konec
planning-remove = Odebrat z plánu
planning-refused-title = Změnu se nepodařilo uložit
planning-refused = Změnu nelze uložit: verze je už schválená, prvek má pod sebou další prvky, nebo údaje nejsou platné.
planning-conflict = Někdo jiný mezitím uložil svou změnu. Nic nebylo přepsáno: porovnejte obě znění a uložte znovu.
planning-approval-invalid = Pro schválení vyplňte číslo usnesení, jeho datum a kdo plán schválil.
planning-back = Zpět na plán
planning-date-invalid = Datum zadejte ve tvaru rok-měsíc-den.
planning-dates-reversed = Konec nesmí být dříve než začátek.
planning-budget = Rozpočet
planning-row-title = Řádek
planning-amount-czk = Částka v Kč
planning-budget-hint = Prázdná částka řádek odebere. Celé koruny, např. 125 000.
planning-save-budget = Uložit rozpočet
planning-budget-row-invalid = Řádek { $row } rozpočtu: zadejte celou nezápornou částku v korunách (např. 125 000) a rok v období plánu. Nic nebylo uloženo.
planning-indicators = Ukazatele
planning-measured = Naměřeno
planning-record-value = Zapsat hodnotu
planning-record-value-for = Zapsat hodnotu ukazatele { $name }
planning-new-indicator = Nový ukazatel
planning-indicator-name = Co se měří
planning-indicator-unit = Jednotka
planning-direction = Lepší je
planning-direction-increase = více
planning-direction-decrease = méně
planning-indicators-hint = Ukazatel s prázdným názvem se odebere. Cíl musí být na lepší straně výchozí hodnoty a ne dříve než ona.
planning-save-indicators = Uložit ukazatele
planning-indicator-row-invalid = Ukazatel { $row }: vyplňte jednotku, čísla výchozí a cílové hodnoty a jejich roky; cíl musí být na lepší straně výchozí hodnoty a ne dříve než ona. Nic nebylo uloženo.
planning-value-invalid = Zadejte rok (2000–2100) a číselnou hodnotu, např. 12,5.
plan-measures = Opatření
plan-number = Číslo
plan-xlsx = Stáhnout tabulku opatření, aktivit a rozpočtu (XLSX)
doc-plan-activities = Aktivity
doc-plan-amount = Částka
doc-plan-baseline = Výchozí
doc-plan-budget = Rozpočet
doc-plan-contents = Obsah
doc-plan-goal = Cíl
doc-plan-indicator = Ukazatel
doc-plan-indicators = Ukazatele
doc-plan-measure = Opatření
doc-plan-measured = Naměřeno
doc-plan-priority = Priorita
doc-plan-source = Zdroj
doc-plan-status = Stav
doc-plan-target = Cíl
doc-plan-total = Celkem
doc-plan-total-all = Rozpočet plánu celkem:
doc-plan-vision = Vize
doc-plan-year = Rok
doc-plan-number = Číslo
doc-plan-planned = Plánováno
doc-plan-spent = Vyčerpáno
doc-plan-paid = Vyplaceno
doc-plan-item = Činnost
doc-plan-priority-total = Priorita celkem
plan-pdf = Stáhnout plán jako PDF
money-czk = { $amount } Kč
activity-status-done = splněno
activity-status-ongoing = probíhá
activity-status-postponed = odloženo
activity-status-cancelled = zrušeno
yearly-work = Činnosti roku { $year }
yearly-outcomes = Plnění v roce { $year }
yearly-summary-plan = Činností: { $activities }. Plánované prostředky: { $planned } Kč.
yearly-summary-report = Splněno { $done } z { $activities } činností ({ $percent } %), vykázáno { $reported }. Plánováno { $planned } Kč, vyčerpáno { $spent } Kč.
yearly-no-sources = Pro rok { $year } nemá území schválený ani platný komunitní či akční plán, z něhož by se činnosti daly převzít.
yearly-sources-hint = Činnosti a částky se přebírají ze schválených a platných plánů, které rok { $year } pokrývají. Když mezitím vstoupí v platnost nová verze plánu, načtěte je znovu.
yearly-redraw = Načíst znovu z platných plánů
yearly-from-plan = Převzato z: { $title } (verze { $number })
yearly-item = Činnost
yearly-planned = Plánováno
yearly-status = Stav
yearly-spent = Vyčerpáno
yearly-commentary = Komentář
yearly-not-reported = nevykázáno
yearly-choose = – nevykázáno –
yearly-measure-itself = opatření bez dílčích aktivit
yearly-caption = Priorita { $number }: { $title } – { $year }
yearly-measure-money = Opatření { $number }: { $title } – prostředky opatření v roce { $money } Kč
yearly-priority-total = Priorita celkem
yearly-indicators = Ukazatele opatření { $number } v roce { $year }
yearly-indicator-value = { $value } { $unit } (výchozí { $baseline }, cíl { $target } v roce { $target_year })
yearly-no-value = hodnota za rok není zapsaná
yearly-record-values = zapsat naměřené hodnoty
yearly-save = Uložit plnění
yearly-saved-was = uloženo: { $value }
yearly-label-status = Stav: { $item }
yearly-label-spent = Vyčerpáno (Kč): { $item }
yearly-label-commentary = Komentář: { $item }
yearly-error-status = vyberte stav (částka ani komentář se bez stavu neuloží)
yearly-error-spent = vyčerpanou částku napište v celých korunách, např. 125 000
yearly-error-commentary = komentář může mít nejvýše 4 000 znaků
yearly-error-row = { $number } { $title }: { $problem }
yearly-error-some = Plnění nebylo uloženo: opravte označené řádky. Z formuláře se neuložilo nic.
yearly-conflict = Plnění mezitím uložil někdo jiný. U řádků vidíte uložený stav i to, co jste zadali vy; zkontrolujte je a uložte znovu.
yearly-plan = Plán
nav-groups = Skupiny
groups-title = Pracovní skupiny komunitního plánování
groups-intro = Plán připravují řídicí skupina a pracovní skupiny. Sedí v nich zástupci obcí (zadavatelé), poskytovatelů služeb a lidé, kteří služby využívají, nebo jejich blízcí. Jednání jsou otevřená; zápisy zveřejňuje koordinátor.
groups-caption = Skupiny území { $area }
groups-name = Název
groups-kind = Druh skupiny
groups-members = Členové
groups-next = Příští jednání
groups-next-meeting = Příští jednání: { $when }
groups-no-next = Žádné jednání není naplánované.
groups-none = Území zatím nemá žádnou skupinu.
groups-none-public = Území zatím nezveřejnilo žádnou skupinu.
groups-new = Nová skupina
groups-description = Čím se skupina zabývá
groups-create = Vytvořit skupinu
groups-refused = Neuloženo: { $reason }
groups-error-date = Datum jednání napište jako rok-měsíc-den, např. 2026-03-10.
groups-error-time = Čas napište jako hodiny:minuty, např. 14:00.
groups-error-times = Jednání musí skončit později, než začne.
groups-error-term-from = Začátek členství napište jako rok-měsíc-den.
groups-error-term-to = Konec členství napište jako rok-měsíc-den.
group-kind-steering = Řídicí skupina
group-kind-working = Pracovní skupina
group-members-caption = Členové skupiny { $name }
group-no-members = Skupina zatím nemá členy.
group-meetings = Jednání
group-no-meetings = Skupina zatím nemá žádné jednání.
group-upcoming = Příští jednání
group-past = Proběhlá jednání
group-no-past = Zatím žádné jednání neproběhlo.
group-feed = Kalendář jednání skupiny (iCalendar) – přidejte si ho do svého kalendáře
group-names-hint = Jména členů uvádíme jen s jejich souhlasem.
triad-commissioner = zadavatel
triad-provider = poskytovatel
triad-user = uživatel nebo pečující
member-name = Jméno a příjmení
member-organization = Organizace
member-no-organization = bez organizace
member-role = Strana triády
member-position = Role ve skupině (např. předseda)
member-email = E-mail pro pozvánky
member-email-hint = Nikde se nezveřejňuje; slouží jen k rozesílání pozvánek.
member-publish-name = Člen souhlasí se zveřejněním svého jména
member-name-private = jméno se nezveřejňuje
member-term = Členství
member-term-from = Člen od
member-term-to = Člen do
member-add = Přidat člena
member-remove = Odebrat ze skupiny
member-feed = Osobní kalendář jednání (odkaz pošlete jen tomuto členovi):
meeting-new = Naplánovat jednání
meeting-create = Naplánovat
meeting-date = Datum
meeting-from = Začátek
meeting-to = Konec
meeting-place = Místo
meeting-agenda = Program
meeting-minutes = Zápis
meeting-publish-minutes = Zveřejnit zápis, účast a podklady
meeting-minutes-public = zápis zveřejněn
meeting-minutes-not-yet = Zápis zatím nebyl zveřejněn.
meeting-cancel = Jednání se ruší
meeting-cancelled = zrušeno
meeting-details = Údaje o jednání
meeting-invite = Rozeslat pozvánky
meeting-invite-hint = Pozvánka s kalendářovou položkou přijde každému členovi, který má e-mail a je v době jednání členem. Po změně času nebo místa ji rozešlete znovu; kalendáře ji aktualizují.
meeting-invited-at = Naposledy rozesláno { $at }.
meeting-invited = Pozvánky odeslány: { $count }.
meeting-invitations-sent = pozvánky odeslány
meeting-invitation-subject = Pozvánka: { $group }, { $when }
meeting-invitation-body = Dobrý den,
    zveme vás na jednání skupiny { $group }.
    Kdy: { $when }
    Kde: { $place }
    Program:
    { $agenda }
    Přiložená pozvánka vloží jednání do vašeho kalendáře. Všechna jednání skupin, v nichž jste, najdete ve svém kalendáři na adrese { $feed }
    Stránka skupiny: { $link }
meeting-attendance = Účast
meeting-save-attendance = Uložit účast
meeting-present = Přítomno členů: { $count }
presence-unknown = – nezapsáno –
presence-present = přítomen
presence-excused = omluven
presence-absent = nepřítomen
meeting-actions = Úkoly
meeting-actions-caption = Úkoly z jednání
meeting-actions-hint = Prázdné řádky se vynechají.
meeting-action-task = Úkol
meeting-action-owner = Kdo
meeting-action-deadline = Termín
meeting-action-done = Splněno
meeting-action-error = Úkol { $row }: vyplňte úkol i toho, kdo ho splní, a termín jako rok-měsíc-den. Nic se neuložilo.
meeting-save-actions = Uložit úkoly
meeting-materials = Podklady
meeting-no-materials = Zatím žádné podklady.
meeting-material-file = Soubor
meeting-material-hint = Nejvýše { $mb } MB. Veřejnost podklady uvidí po zveřejnění zápisu.
meeting-material-upload = Nahrát podklad
meeting-material-remove = Odebrat
meeting-material-missing = Vyberte soubor k nahrání.
meeting-material-too-big = Soubor je příliš velký.
audit-event-group-create = vytvoření skupiny
audit-event-group-edit = změna skupiny nebo jejích členů
audit-event-meeting-edit = změna jednání
audit-entity-group = skupina č. { $id }
import-title = Struktura plánu z Excelu
import-intro = Plán můžete začít v Excelu: stáhněte si šablonu, vyplňte priority, cíle, opatření a aktivity (každý řádek má svůj kód a kód nadřazeného prvku) a rozpočet na druhém listu, a soubor nahrajte. Jde to jen do prázdného návrhu; při chybě se neuloží nic a dozvíte se řádek a důvod.
import-template = Stáhnout šablonu (XLSX)
import-file = Vyplněná šablona (XLSX)
import-submit = Nahrát strukturu
import-sheet-structure = Struktura
import-sheet-budget = Rozpočet
import-col-reference = Kód
import-col-kind = Druh
import-col-parent = Nadřazený kód
import-col-title = Název
import-col-text = Popis
import-col-groups = Cílové skupiny (oddělené středníkem)
import-col-organization = Odpovídá – organizace
import-col-person = Odpovídá – osoba nebo funkce
import-col-partners = Partneři
import-col-start = Začátek
import-col-end = Konec
import-col-outputs = Očekávané výstupy
import-col-year = Rok
import-col-source = Zdroj
import-col-amount = Částka (Kč)
import-example-priority = Senioři mohou žít doma co nejdéle
import-example-goal = Terénní péče dostupná v celém území
import-example-measure = Rozšířit pečovatelskou službu do malých obcí
import-example-activity = Nový služební automobil
import-example-organization = Město (příklad)
import-row = List { $sheet }, řádek { $line }: { $problem }
import-problems = Struktura nebyla nahrána, nic se neuložilo. Opravte v souboru tato místa ({ $count }):
import-problem-no-reference = chybí kód řádku
import-problem-duplicate = kód { $value } se opakuje
import-problem-kind = „{ $value }“ není druh prvku (priorita, cíl, opatření, aktivita, kapitola)
import-problem-no-title = chybí název
import-problem-missing-parent = nadřazený kód { $value } v listu není
import-problem-wrong-parent = prvek druhu { $kind } patří pod prvek druhu { $value }
import-problem-no-parent-allowed = prvek druhu { $kind } nemá nadřazený prvek
import-problem-cycle = nadřazené prvky tvoří kruh (prvek je sám sobě nadřazený)
import-problem-date = „{ $value }“ není datum (pište rok-měsíc-den nebo den.měsíc.rok)
import-problem-reversed = konec je dříve než začátek
import-problem-group = cílová skupina „{ $value }“ není v číselníku
import-problem-element = kód { $value } není v listu se strukturou
import-problem-year = „{ $value }“ není rok
import-problem-source = „{ $value }“ není zdroj (obec, kraj, dotace MPSV …)
import-problem-amount = „{ $value }“ není částka: celé nezáporné koruny
import-unreadable = Soubor nejde přečíst jako šablonu plánu ({ $reason }). Použijte staženou šablonu.
import-refused = Struktura nebyla nahrána: { $reason }
import-too-big = Soubor je příliš velký (nejvýše 5 MB).
planning-services = Související služby z katalogu
planning-services-hint = Zaškrtnuté služby se u opatření zobrazí s odkazem do katalogu.
planning-services-none = Katalog území zatím nemá žádné služby.
planning-move-nahoru = výš
planning-move-dolu = níž
plan-progress = Plnění { $year }:
plan-progress-text = splněno { $done } z { $activities } činností, plánováno { $planned } Kč, vyčerpáno { $spent } Kč.
plan-progress-report = Bilanční zpráva

## Public comment
comments-title = Připomínky
comments-heading = Připomínky k návrhu: { $title }
comment-period-announced = Připomínky lze podávat od { $from } do { $to }.
comment-period-open = Připomínky lze podávat do { $to } (od { $from }).
comment-period-over = Připomínkové období ({ $from } – { $to }) skončilo.
comment-whole-plan = Podat připomínku k celému plánu
comments-count = { $count ->
    [one] 1 připomínka
    [few] { $count } připomínky
   *[other] { $count } připomínek
}
comments-table-pdf = Tabulka vypořádání připomínek (PDF)
comments-table-xlsx = Tabulka vypořádání připomínek (XLSX)
diff-link = Co se v plánu změnilo
comments-on-whole = Připomínky k celému plánu
comments-text = Text návrhu a připomínky k jeho částem
comment-on = Připomínkovat
comments-back-plan = Zpět na plán
comment-sent = Děkujeme, připomínka byla přijata a je zveřejněna níže. E-mailovou adresu nikdy nezveřejňujeme.
comment-public = veřejnost
comment-proposal = Navržené znění
comment-changed = změna: { $element }
comment-waiting = Čeká na vypořádání.
settlement-accepted = vyhověno
settlement-partially_accepted = částečně vyhověno
settlement-rejected = nevyhověno
settlement-noted = vzato na vědomí
settlement-none = nevypořádáno
comment-form-title = Podat připomínku
comment-element = Ke které části plánu
comment-element-whole = celý plán
comment-text = Připomínka
comment-text-hint = Napište, co byste změnili a proč. Nejvýše { $max } znaků.
comment-proposal-hint = Nepovinné: jak by měl text podle vás znít.
comment-who = Kdo připomínku podává
comment-signed-as = Podáváte jako přihlášený uživatel { $name }.
comment-name = Jméno a příjmení
comment-required = (povinné)
comment-email = E-mail
comment-email-hint = Nezveřejňuje se. Použijeme ho jen ke zprávě o vypořádání, pokud o ni požádáte.
comment-organization = Organizace (nepovinné)
comment-named = Zveřejnit u připomínky mé jméno (jinak se uvede „veřejnost“)
comment-notify = Pošlete mi e-mail, až bude připomínka vypořádána
comment-consent = Souhlasím se zpracováním údajů podle textu níže
comment-consent-default = Jméno, organizaci a e-mail zpracovává úřad jen pro vypořádání připomínek k tomuto plánu. E-mail se nezveřejňuje, jméno jen se souhlasem. Na požádání úřad vaše údaje smaže; text připomínky a její vypořádání zůstanou jako příspěvek veřejnosti.
comment-send = Odeslat připomínku
comments-back = Zpět na připomínky
comment-error-text = Připomínka musí mít 1 až { $max } znaků bez řídicích znaků.
comment-error-proposal = Navržené znění může mít nejvýše { $max } znaků.
comment-error-name-length = Jméno a organizace mohou mít nejvýše 200 znaků.
comment-error-links = Připomínka může obsahovat nejvýše { $links } webových odkazů.
comment-error-name = Vyplňte prosím jméno a příjmení.
comment-error-email-required = Vyplňte prosím e-mail.
comment-error-email = E-mailová adresa nemá správný tvar.
comment-error-notify = Pro zprávu o vypořádání vyplňte e-mail.
comment-error-consent = Pokud uvádíte jméno, organizaci nebo e-mail, potvrďte prosím souhlas se zpracováním údajů.
comment-error-closed = Připomínky k tomuto plánu nyní nelze podávat: připomínkové období neběží.
comment-error-element = Vybraná část plánu v návrhu není. Vyberte ji prosím znovu.
comment-error-too-many = Z vašeho připojení přišlo v krátké době mnoho připomínek. Zkuste to prosím za deset minut.
comment-period-legend = Připomínkové období
comment-period-hint = Návrh se zveřejní k připomínkám a po dobu období ho nelze upravovat. Nejkratší období v oblasti: { $days } dní.
comment-period-from = První den
comment-period-to = Poslední den
comment-announcement = Oznámení
comment-announcement-hint = Nepovinné: kdy a kde bude veřejné projednání, komu se obrátit. Lze psát v Markdownu.
comments-admin-link = Připomínky a jejich vypořádání
comment-go-to = Přejít k připomínce č. { $id }
comments-public-page = Veřejná stránka připomínek
comment-periods = Připomínková období
comment-period-version = Verze
comment-period-dates-col = Období
comment-period-comments = Připomínek
comment-period-unsettled = Nevypořádaných
comment-period-close = Ukončit připomínkové období nyní
comment-periods-none = Plán zatím nebyl zveřejněn k připomínkám.
comments-of-version = Připomínky k verzi { $number }
comment-number = Připomínka č. { $id }
comment-erased = osobní údaje smazány
comment-hidden = Skryto:
settlement-legend = Vypořádání připomínky č. { $id }
settlement-justification-label = Odůvodnění
settlement-change = Změněná část plánu
settlement-no-change = bez změny textu
settlement-save = Uložit vypořádání
comment-show = Znovu zobrazit
comment-hide-why = Důvod skrytí
comment-hide = Skrýt jako nevhodnou
comment-erase = Smazat osobní údaje autora
comment-rules = Pravidla připomínek v oblasti
comment-rules-days = Nejkratší připomínkové období (dní)
comment-rules-identification = Co musí uvést veřejnost
identification-optional = nic (jméno i e-mail jsou nepovinné)
identification-name = jméno
identification-name_email = jméno a e-mail
comment-rules-consent = Text souhlasu se zpracováním údajů
comment-rules-consent-hint = Prázdné pole použije standardní text.
comment-rules-invalid = Nejkratší období musí mít { $min } až { $max } dní.
settlement-choose = Vyberte prosím, jak byla připomínka vypořádána.
settlement-justification = Vypořádání potřebuje odůvodnění (nejvýše 4 000 znaků).
settlement-conflict = Připomínku mezitím vypořádal někdo jiný. Níže je uložené vypořádání; zkontrolujte ho a případně uložte znovu.
settlement-refused = Změnu nelze uložit: verze je už schválená, nebo vybraná část plánu ve verzi není.
comment-hide-reason = Uveďte prosím důvod skrytí.
comment-period-dates = Zadejte první a poslední den období.
comment-period-reversed = Poslední den období nesmí být před prvním.
comment-period-short = Připomínkové období musí trvat nejméně { $min } dní.
comment-period-long = Připomínkové období může trvat nejvýše { $max } dní.
comment-period-past = Připomínkové období nemůže začít v minulosti.
comment-approval-running = Připomínkové období běží do { $to }. Před schválením ho ukončete.
comment-approval-unsettled = { $count ->
    [one] Jedna připomínka ještě není vypořádána.
    [few] { $count } připomínky ještě nejsou vypořádány.
   *[other] { $count } připomínek ještě není vypořádáno.
} Schválit lze až po vypořádání všech připomínek.
mail-settled-subject = Vaše připomínka k plánu { $plan } byla vypořádána
mail-settled-body =
    Dobrý den,

    vaše připomínka k plánu { $plan } ({ $area }) byla vypořádána: { $status }.

    Odůvodnění: { $justification }

    Vaše připomínka: { $comment }

    Všechny připomínky a jejich vypořádání: { $link }

    Souhra
mail-comment-period-subject = { $plan }: připomínky do { $to }
mail-comment-period-body =
    Dobrý den,

    návrh plánu { $plan } ({ $area }) je zveřejněn k připomínkám od { $from } do { $to }. Připomínky k celému plánu i k jednotlivým opatřením můžete podat zde:

    { $link }

    Souhra
settlement-title = Vypořádání připomínek
settlement-summary = Celkem { $total }: vyhověno { $accepted }, částečně vyhověno { $partially_accepted }, nevyhověno { $rejected }, vzato na vědomí { $noted }, nevypořádáno { $none }.
settlement-hidden = Skryto pro nevhodný obsah (v tabulce nejsou): { $count }.
doc-settlement-author = Autor
doc-settlement-comment = Připomínka
doc-settlement-element = Část plánu
doc-settlement-justification = Odůvodnění
doc-settlement-number = Č.
doc-settlement-proposal = Navržené znění
doc-settlement-settlement = Vypořádání
diff-title = Změny v plánu
diff-nothing = Zatím není co porovnat: plán má jediné zveřejněné znění.
diff-from = Starší znění
diff-to = Novější znění
diff-compare = Porovnat
diff-summary = Přidáno { $added }, odstraněno { $removed }, změněno { $changed } částí.
diff-change-added = přidáno
diff-change-removed = odstraněno
diff-change-changed = změněno
diff-was = dříve { $label }
diff-field-title = Název
diff-field-body = Text
diff-field-justification = Zdůvodnění
diff-field-target_groups = Cílové skupiny
diff-field-responsible = Odpovídá
diff-field-partners = Partneři
diff-field-when = Termín
diff-field-outputs = Výstupy
diff-field-budget = Rozpočet
diff-added-marker = přidáno:
diff-removed-marker = odstraněno:
diff-back = Zpět na plán
diff-side-published = Verze { $number }: znění zveřejněné k připomínkám ({ $from } – { $to })
diff-side-version = Verze { $number } ({ $status })
audit-event-comment-rules = změna pravidel připomínek
audit-event-comment-period = připomínkové období
audit-event-comment-settle = vypořádání připomínky
audit-event-comment-hide = skrytí nebo zobrazení připomínky
audit-event-comment-erase = smazání osobních údajů autora připomínky
plans-in-comment = V připomínkovém řízení

## Analysis of the social situation
analysis-title = Analýza sociální situace
analysis-title-of = Analýza sociální situace: { $name }
analysis-intro = Kdo v území žije, jaké sociální služby tu jsou a s jakou kapacitou a kde chybějí. Počítáno z údajů ČSÚ o obyvatelích a z katalogu služeb (registr poskytovatelů MPSV a místní doplnění).
analysis-part = Část území
analysis-part-show = Zobrazit
analysis-part-whole = celé území
analysis-part-orp = ORP { $name }
analysis-demo-note = Ukázková oblast: počty obyvatel celkem jsou skutečné (ČSÚ), věkové složení obyvatel je smyšlené a slouží jen k předvedení, stejně jako služby v katalogu.
analysis-demography = Obyvatelé
analysis-dates = k datům od { $from } do { $to }
analysis-municipalities = Počet obcí
analysis-without-total = { $count ->
    [one] U { $count } obce chybí počet obyvatel; do součtu není započtena.
    [few] U { $count } obcí chybí počet obyvatel; do součtu nejsou započteny.
   *[other] U { $count } obcí chybí počet obyvatel; do součtu nejsou započteny.
}
analysis-zero-population = { $count ->
    [one] { $count } obec má nula obyvatel (například vojenský újezd); počítá se s ní, ale k výpočtu na 1 000 obyvatel nic nepřidává.
    [few] { $count } obce mají nula obyvatel (například vojenský újezd); počítá se s nimi, ale k výpočtu na 1 000 obyvatel nic nepřidávají.
   *[other] { $count } obcí má nula obyvatel (například vojenský újezd); počítá se s nimi, ale k výpočtu na 1 000 obyvatel nic nepřidávají.
}
analysis-older-caption = Starší obyvatelé { $date } ve srovnání s krajem a Českou republikou
analysis-col-region = Kraj
analysis-col-country = Česká republika
analysis-without-ages = Věkové složení je známo u { $with } obcí; u { $count } obcí věková data nejsou načtena, podíly platí jen pro obce s daty.
analysis-age-caption = Věkové složení obyvatel { $date }
analysis-age-chart = Věkové složení obyvatel: { $name }
analysis-ages-missing = Věková data nejsou načtena.
analysis-ages-missing-help = Podíly obyvatel ve věku 65 a 80 a více let a počty na 1 000 obyvatel těchto věkových skupin se ukážou, až správce načte údaje ČSÚ o obyvatelích podle věku (příkaz souhra territory load --population).
analysis-municipalities-caption = Obyvatelé podle obcí
analysis-col-code = Kód obce
analysis-col-municipality = Obec
analysis-col-65 = 65 a více let
analysis-col-80 = 80 a více let
analysis-unknown = –
analysis-supply = Služby a jejich kapacita
analysis-supply-intro = Kapacita služeb podle druhu, formy a typu kapacity, v území a na 1 000 obyvatel skupiny, které služba slouží (například lůžka domovů pro seniory na 1 000 obyvatel ve věku 65 a více let).
analysis-supply-caption = Kapacita sociálních služeb: { $name }
analysis-col-kind = Druh služby
analysis-col-form = Forma
analysis-col-capacity-type = Typ kapacity
analysis-col-services = Služeb
analysis-col-capacity = Kapacita
analysis-col-group = Vztaženo k
analysis-col-group-size = Obyvatel ve skupině
analysis-col-per-1000 = Na 1 000
analysis-supply-rule = Kapacita služby se dělí mezi obce, kterým slouží, podle počtu obyvatel skupiny: pobytová forma patří obcím svých zařízení, ambulantní a terénní forma obcím své územní působnosti. Nic se tak nepočítá dvakrát. Ukončené a pozastavené služby se nepočítají.
analysis-compare-note = Srovnání s krajem nebo republikou se ukazuje jen tam, kde katalog této instalace pokrývá celé území kraje nebo republiky (registr se načítá jen pro území jejích oblastí).
analysis-supply-none = V území není žádná služba s uvedenou kapacitou.
analysis-without-capacity = Služby bez údaje o kapacitě (nejsou v tabulce započteny), podle druhu:
analysis-coverage = Dostupnost služeb v obcích
analysis-coverage-intro = Druh služby je v obci dostupný, když ji pokrývá územní působnost některé služby tohoto druhu nebo když je její zařízení do { $km } km od obce.
analysis-coverage-caption = Obce, kde druh služby chybí (zařízení do { $km } km)
analysis-col-missing = Obcí bez služby
analysis-col-missing-people = Obyvatel v nich
analysis-missing-of = { $missing } z { $all }
analysis-coverage-link = Vybrat druh služby a vzdálenost
analysis-xlsx = Tabulky analýzy (XLSX)
analysis-group-all = všem obyvatelům
analysis-group-from = obyvatelům od { $from } let
analysis-sheet-population = Obyvatelé
analysis-sheet-supply = Kapacita služeb
analysis-coverage-title = Dostupnost služeb v obcích
analysis-coverage-help = Vyberte druh služby a vzdálenost, do které má být zařízení od obce. Mapa a tabulka ukážou obce, kde služba chybí.
analysis-kind-choose = – vyberte druh služby –
analysis-km = Vzdálenost zařízení (km)
analysis-km-help = celé číslo od 1 do { $max }
analysis-coverage-show = Ukázat dostupnost
analysis-coverage-of = { $kind }: dostupnost v obcích (zařízení do { $km } km)
analysis-missing-summary = Služba chybí v { $missing } z { $all } obcí.
analysis-map-caption = Plný kroužek: služba je dostupná. Prázdný přeškrtnutý kroužek: služba chybí. Velikost odpovídá počtu obyvatel. Stejné údaje jsou v tabulce.
analysis-map-title = Mapa obcí: { $kind } chybí v { $missing } z { $all } obcí
analysis-map-available = dostupná
analysis-map-missing = chybí
analysis-sort = Řadit podle:
analysis-sort-obec = názvu obce
analysis-sort-obyvatele = počtu obyvatel
analysis-sort-dostupnost = dostupnosti
analysis-sort-vzdalenost = vzdálenosti zařízení
analysis-col-available = Dostupná
analysis-col-by-area = Služeb s působností v obci
analysis-col-nearest = Nejbližší zařízení (km)
analysis-col-nearest-service = Nejbližší služba
analysis-yes = ano
analysis-no = ne
analysis-csv = Tabulka dostupnosti (CSV)
analysis-coverage-xlsx = Tabulka dostupnosti (XLSX)
analysis-km-invalid = Vzdálenost „{ $value }“ nelze použít: zadejte celé číslo od 1 do { $max } km.
analysis-kind-invalid = Druh služby „{ $value }“ neznáme: vyberte ho ze seznamu.

## Needs surveys
surveys-title = Průzkumy potřeb
surveys-intro = Dotazníky pro občany, uživatele služeb a poskytovatele: odpovědi jsou anonymní, pokud průzkum nedovolí uvést jméno a e-mail se souhlasem. Jakmile přijdou první odpovědi, otázky už nejde měnit, jen opravit jejich znění.
surveys-caption = Průzkumy: { $area }
surveys-name = Název průzkumu
surveys-status = Stav
surveys-responses = Odpovědí
surveys-closes = Sběr do
surveys-none = Zatím žádný průzkum.
surveys-new = Nový průzkum
surveys-create = Založit průzkum
survey-status-draft = připravuje se
survey-status-open = sbírá odpovědi
survey-status-closed = ukončen
survey-kind-single = výběr jedné možnosti
survey-kind-multiple = výběr více možností
survey-kind-scale = škála
survey-kind-text = volný text
survey-kind-matrix = tabulka (matice)
survey-responses-count = { $count ->
    [one] { $count } odpověď
    [few] { $count } odpovědi
   *[other] { $count } odpovědí
}
survey-public-link = Odkaz pro respondenty:
survey-results = Výsledky průzkumu
survey-answers-csv = Odpovědi (CSV)
survey-answers-xlsx = Odpovědi (XLSX)
survey-close = Ukončit sběr odpovědí
survey-open = Spustit sběr odpovědí
survey-locked = Průzkum už má odpovědi: otázky, jejich druh, možnosti ani škály nejde měnit, jen opravit znění. Každá oprava se zaznamená.
survey-settings = Nastavení
survey-intro = Úvod pro respondenty
survey-audience = Pro koho je průzkum
survey-identification = Kdo odpovídá
survey-identification-anonymous = anonymně (doporučeno)
survey-identification-optional = respondent může uvést jméno a e-mail se souhlasem
survey-consent = Text souhlasu se zpracováním jména a e-mailu
survey-closes = Poslední den sběru odpovědí
survey-listed = Ukázat průzkum na stránce analýzy, dokud sbírá odpovědi
survey-results-public = Zveřejnit výsledky (bez volných textů)
survey-save = Uložit nastavení
survey-questions = Otázky
survey-q-required-short = povinná
survey-q-save = Uložit otázku
survey-q-remove = Odebrat otázku
survey-no-questions = Průzkum zatím nemá žádnou otázku.
survey-q-new = Nová otázka
survey-q-add = Přidat otázku
survey-fixes = Opravy znění po prvních odpovědích
survey-fix-change = „{ $before }“ → „{ $after }“
survey-q-kind = Druh otázky
survey-q-text = Otázka
survey-q-help = Nápověda (nepovinná)
survey-q-required = Odpověď je povinná
survey-q-options = Možnosti odpovědi (u tabulky sloupce)
survey-q-options-help = Každou možnost na samostatný řádek; 2 až 30 možností.
survey-q-rows = Řádky tabulky (jen u tabulky)
survey-q-rows-help = Každé tvrzení na samostatný řádek.
survey-q-scale = Škála (jen u škály)
survey-q-low = Od
survey-q-low-label = popis nejnižší hodnoty
survey-q-high = Do
survey-q-high-label = popis nejvyšší hodnoty
survey-results-of = Výsledky: { $title }
survey-results-none = Průzkum zatím nemá žádnou odpověď.
survey-results-filtered = Započteno { $counted } z { $all } odpovědí (podle vybraného filtru).
survey-results-count = { $count ->
    [one] Průzkum má { $count } odpověď.
    [few] Průzkum má { $count } odpovědi.
   *[other] Průzkum má { $count } odpovědí.
}
survey-filter = Jen respondenti, kteří odpověděli
survey-filter-all = – všichni respondenti –
survey-filter-show = Ukázat
survey-answered = Odpovědělo: { $count }
survey-mean = průměr { $mean }
survey-answer = Odpověď
survey-statement = Tvrzení
survey-texts-private = Volné odpovědi se nezveřejňují, mohou obsahovat osobní údaje; koordinátor s nimi pracuje v souhrnu.
survey-for = Průzkum je určen: { $audience }
survey-closed = Průzkum už odpovědi nesbírá. Děkujeme za zájem.
survey-closes-on = Odpovědi sbíráme do { $date }.
survey-identified-note = Odpovídáte anonymně; jméno a e-mail můžete uvést, chcete-li.
survey-anonymous-note = Odpovídáte anonymně: neptáme se na jméno ani e-mail.
survey-required-note = Otázky označené „povinná“ je třeba zodpovědět.
survey-required = povinná
survey-person = Kdo odpovídá (nepovinné)
survey-person-help = Jméno a e-mail uchováme jen se souhlasem a nikde je nezveřejníme.
survey-submit = Odeslat odpovědi
survey-thanks-title = Děkujeme
survey-thanks = Vaše odpovědi do průzkumu „{ $title }“ jsme přijali.
survey-error-text = Text je prázdný, delší než { $max } znaků nebo obsahuje nepovolené znaky.
survey-error-count = Průzkum potřebuje 1 až { $max_questions } otázek.
survey-error-options = Otázka { $number }: uveďte 2 až { $max_options } různých možností, každou na samostatný řádek.
survey-error-rows = Otázka { $number }: uveďte 1 až { $max_options } různých řádků tabulky.
survey-error-scale = Otázka { $number }: škála musí mít 2 až { $max_steps } celých čísel od nejnižšího k nejvyššímu.
survey-error-required = Otázka { $number } je povinná: vyberte prosím odpověď.
survey-error-not-offered = Otázka { $number }: tato odpověď není mezi nabízenými.
survey-error-locked = Průzkum už má odpovědi: lze opravit jen znění otázek a možností, ne jejich počet, druh nebo škálu.
survey-error-conflict = Průzkum mezitím změnil někdo jiný. Načtěte stránku znovu a změnu zopakujte.
survey-error-settings = Průzkum nelze uložit: { $reason }
survey-error-date = Poslední den sběru zadejte jako datum (RRRR-MM-DD).
survey-error-shape = Vyberte druh otázky a u škály zadejte celá čísla od a do.
survey-error-consent = Jméno nebo e-mail uchováme jen se souhlasem: zaškrtněte souhlas, nebo pole nechte prázdná.
survey-error-too-many = Z tohoto připojení přišlo v posledních minutách mnoho odpovědí. Zkuste to prosím za chvíli.
survey-error-person = Jméno nebo e-mail nelze uložit (zkontrolujte e-mailovou adresu).
survey-col-response = Odpověď č.
survey-col-at = Přijato
survey-col-name = Jméno
survey-col-email = E-mail
survey-sheet = Odpovědi
audit-event-survey-create = založení průzkumu
audit-event-survey-edit = úprava průzkumu
audit-event-survey-fix = oprava znění průzkumu
audit-event-survey-open = spuštění průzkumu
audit-event-survey-close = ukončení průzkumu
audit-entity-survey = průzkum č. { $id }
analysis-surveys = Co lidé říkají: průzkumy
analysis-surveys-none = V oblasti teď neběží žádný veřejný průzkum.
analysis-survey-answer = Vyplnit průzkum
analysis-survey-until = do { $date }

## Analysis chapter
chapter-title = Analýza sociální situace: { $name }
chapter-kind = Analytická část komunitního plánu
chapter-link = Analytická kapitola pro plán
chapter-pdf = Analytická kapitola (PDF)
chapter-intro = Kapitolu sestavila Souhra { $date } z údajů ČSÚ o obyvatelích a z katalogu sociálních služeb; při dalším sestavení se čísla řídí aktuálními daty.
chapter-population = Území má { $municipalities } obcí a { $total } obyvatel (k { $date }).
chapter-older = Ve věku 65 a více let žije { $count65 } obyvatel ({ $share65 }), ve věku 80 a více let { $count80 } ({ $share80 }); věkové údaje jsou k { $date }.
chapter-older-region = V kraji je ve věku 65 a více let { $share } obyvatel.
chapter-ages-missing = Věková data nejsou načtena, podíly starších obyvatel proto chybějí.
chapter-supply-line = { $kind } ({ $form }): { $services } služeb, kapacita { $capacity } ({ $type })
chapter-supply-per = , tj. { $per } na 1 000 ({ $group })
chapter-supply-region = ; v kraji { $region }
chapter-gaps = Kde služby chybějí
chapter-gap-line = { $kind } chybí v { $missing } z { $all } obcí s { $people } obyvateli (žádná územní působnost ani zařízení do { $km } km)
chapter-and-more = a další
chapter-gaps-none = Každý druh služby z katalogu je dostupný ve všech obcích území.
chapter-surveys = Co říkají lidé
chapter-survey-line = Průzkum „{ $title }“: { $count } odpovědí
chapter-survey-answer = { $question } Nejčastější odpověď: „{ $option }“ ({ $share }).
chapter-surveys-none = V oblasti zatím neproběhl žádný průzkum s odpověďmi.
planning-insert-analysis = Vložit analytickou kapitolu
planning-insert-analysis-hint = Přidá kapitolu s aktuální analýzou sociální situace oblasti (obyvatelé, služby, mezery, průzkumy); text pak můžete upravit.
planning-findings = Na která zjištění analýzy opatření odpovídá
planning-findings-hint = Mezery v dostupnosti služeb (zařízení do 15 km) a otázky průzkumů oblasti. Stránka mezery a výsledky průzkumu pak opatření uvedou.
planning-findings-none = Analýza oblasti zatím nenašla žádnou mezeru a oblast nemá průzkum.
planning-finding-gap = mezera: { $kind } chybí v { $missing } z { $all } obcí
planning-finding-gap-closed = mezera: { $kind } (dnes už pokryta)
planning-finding-survey = průzkum „{ $title }“, otázka { $number }: { $question }
plan-findings = Odpovídá na
plan-finding-gap = chybějící služba: { $kind }
plan-finding-survey = průzkum „{ $title }“, otázka { $number }
analysis-measures = Opatření plánů, která na tuto mezeru odpovídají
analysis-measures-none = Žádné opatření platného plánu zatím na tuto mezeru neodkazuje.
survey-measures = Opatření plánů, která na průzkum odpovídají
survey-measures-none = Žádné opatření platného plánu zatím na tento průzkum neodkazuje.
chapter-page-intro = Text analytické části plánu, sestavený z aktuálních dat o obyvatelích, službách a průzkumech. Koordinátor ho vloží do návrhu plánu jedním tlačítkem a dál upravuje.

## Region view
region-title = Kraj po ORP
region-link = Přehled kraje po správních obvodech ORP
region-intro = Všechny správní obvody ORP kraje vedle sebe: obyvatelé, platné plány a stav jejich ukazatelů, mezery v dostupnosti služeb a kapacita vybraného druhu služby na 1 000 obyvatel. Plány a opatření se ukazují u ORP, které mají v Souhře svou oblast.
region-kind = Porovnat druh služby
region-caption = Správní obvody ORP kraje; porovnávaný druh: { $kind }
region-col-orp = ORP
region-col-plans = Platné plány
region-col-indicators = Ukazatele plánů
region-col-gaps = Druhů služeb chybějících v některé obci
region-col-missing = Obcí bez služby { $kind }
region-col-capacity = Kapacita
region-col-per-group = Na 1 000 obyvatel od { $from } let
region-col-per-all = Na 1 000 obyvatel
region-no-plan = žádný v Souhře
region-map-title = Mapa ORP kraje: { $kind } na 1 000 obyvatel skupiny
region-map-caption = Plocha kruhu odpovídá kapacitě na 1 000 obyvatel skupiny; malý prázdný kruh: služba v ORP chybí nebo není známa. Stejné údaje jsou v tabulce.
region-flagged = Opatření ORP, která potřebují rozhodnutí kraje
region-flagged-none = Žádné opatření platného plánu ORP zatím rozhodnutí kraje nepotřebuje.
planning-needs-region = Opatření potřebuje rozhodnutí kraje (financování, síť služeb)
plan-needs-region = Rozhodnutí kraje
plan-needs-region-yes = opatření potřebuje rozhodnutí kraje
survey-error-consent-text = Pokud respondenti mohou uvést jméno a e-mail, doplňte text souhlasu s jejich zpracováním.
plan-kind-service_network = Síť sociálních služeb
planning-kind-network_entry = Služba sítě
network-title = Síť sociálních služeb
network-intro = Které sociální služby území zahrnuje do své sítě a financuje, s kapacitou, se kterou síť počítá, a s opatřeními plánů, která to zdůvodňují.
network-demo-note = Ukázková instalace: síť, částky a zdůvodnění jsou smyšlené.
network-year = Rok sítě
network-none = Území zatím nemá platnou síť sociálních služeb.
network-approved = schváleno usnesením { $resolution } ({ $body })
network-comments = připomínky a jejich vypořádání
network-counts = Základní síť: { $basic }, doplňková síť: { $optional } služeb.
network-pdf = Síť jako PDF k tisku
network-csv = Otevřená data sítě (CSV)
network-xlsx = Tabulka sítě (XLSX)
network-json = Otevřená data sítě (HSDS 3.0, JSON)
network-services = Služby v síti
network-caption = Služby v síti na rok { $year }
network-col-service = Služba
network-col-type = Typ sítě
network-col-capacity = Kapacita v síti
network-col-planned-total = Plánované financování
network-col-actual-total = Skutečně vyplaceno
network-col-why = Proč je služba v síti
network-ended = Služba byla ukončena.
network-type-basic = základní síť
network-type-optional = doplňková síť
network-funding = Financování
network-funding-summary = Plánované financování sítě celkem { $total }; na { $people } obyvatel území to je { $per } na obyvatele.
network-sources-caption = Financování sítě { $year } podle zdrojů
network-col-source = Zdroj
network-col-per-capita = Na obyvatele
network-parts-caption = Plánované financování podle ORP
network-parts-hint = Peníze služby se dělí mezi obce, kterým slouží, podle počtu jejich obyvatel.
plan-inputs = Podklady z plánů ORP
plan-used-by = Tento plán je podkladem pro:
plan-inputs-legend = Plány území uvnitř, ze kterých tento plán vychází
network-col-year = Rok
network-col-registration = Identifikátor registrace
network-col-provider = Poskytovatel
network-col-ico = IČO
network-col-kind = Druh služby
network-col-planned = Plán – { $source }
network-col-actual = Vyplaceno – { $source }
network-col-justification = Zdůvodnění
network-error-type = Vyberte typ sítě: základní nebo doplňková.
network-error-capacity = Kapacita neodpovídá kapacitám služby v registru.
network-error-capacity-number = Kapacita „{ $value }“ není celé nezáporné číslo.
network-error-ended = Služba byla ukončena ({ $since }) a do sítě ji nelze zařadit.
network-error-ended-undated = Služba byla ukončena a do sítě ji nelze zařadit.
network-error-above = Kapacita v síti { $asked } ({ $type }, { $form }) je vyšší než registrovaná kapacita { $registered }.
network-error-duplicate = Tato služba už v síti je.
network-error-negative = Částka „{ $value }“ je záporná; financování nemůže být záporné.
network-error-source = Zdroj financování „{ $value }“ neznáme.
network-error-amount = „{ $value }“ není částka: napište celé koruny, např. 125000 nebo 125 000.
network-error-measure = Vybrané opatření neexistuje.
network-admin-year = síť na rok { $year }
network-capacity-legend = Kapacita v síti (nejvýše registrovaná)
network-registered = Registrovaná kapacita: { $count }
network-no-capacity = Registr u této služby neuvádí kapacitu.
network-planned-legend = Plánované financování na rok { $year }
network-money-hint = Celé koruny; prázdné pole znamená bez financování z tohoto zdroje.
network-justification = Proč je služba v síti (zveřejní se)
network-measures = Opatření plánů, která službu zdůvodňují
network-no-measures = Území ani území uvnitř zatím nemají platný plán s opatřeními.
network-paid-title = Skutečně vyplaceno v roce { $year }
network-paid-hint = Celé koruny podle zdrojů; uložení nahradí dřívější údaje tohoto roku.
network-paid-save = Uložit vyplacené částky
network-admin-caption = Služby v této verzi sítě; plánované financování celkem { $total }
network-empty = V síti zatím není žádná služba.
network-add-label = Služba katalogu
network-add = Zařadit do sítě
planning-add-network_entry = Zařadit službu do sítě
planning-new-network_entry = Služba sítě
