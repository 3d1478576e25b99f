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
error-403-title = Access denied
error-403-text = You do not have permission for this page or action. If you need it, ask the coordinator or the administrator.
error-404-title = Page not found
error-404-text = There is no page at this address. It may have moved, or the address may contain a typo.
error-500-title = Something went wrong
error-500-text = Sorry, an error occurred while preparing the page. Please try again in a moment. If the problem persists, contact the administrator and quote the error code.
error-503-title = Service temporarily unavailable
error-503-text = The database is not answering right now. Please try again in a moment.
error-reference = Error code: { $id }
error-back-home = Back to the home page

## Service catalogue
nav-services = Find help
nav-list = My list
footer-accessibility = Accessibility statement
area-find-help = Find help
situations-title = What are you dealing with?
situation-pecuji-o-blizkeho = I care for someone close
situation-pecuji-o-blizkeho-hint = Respite care, help at home, day care centres.
situation-starnu-doma = I am getting older and need help at home
situation-starnu-doma-hint = Home care, personal assistance, emergency alarm.
situation-bydleni-s-peci = I need housing with care
situation-bydleni-s-peci-hint = Homes for the elderly, special regime homes, sheltered housing.
situation-mam-dluhy = I have debts
situation-mam-dluhy-hint = Professional social counselling and crisis help.
situation-bez-domova = I am homeless
situation-bez-domova-hint = Night shelters, hostels, day centres, street workers.
situation-nasili = I am experiencing violence
situation-nasili-hint = Intervention centres, crisis help, helplines.
situation-postizeni = I have a disability
situation-postizeni-hint = Personal assistance, social rehabilitation, sheltered housing.
situation-cizinec = I am a foreigner
situation-cizinec-hint = Counselling and help for foreigners.
situation-rodina = Our family is struggling
situation-rodina-hint = Family support, early intervention, clubs for children and youth.
situation-krize = I am in crisis
situation-krize-hint = Crisis help and crisis helplines, day and night.
situation-zavislost = I have a problem with addiction
situation-zavislost-hint = Contact centres, therapeutic communities, aftercare.
services-title = Social services
services-too-long = The search text is too long (at most { $max } characters).
services-bad-page = The page number must be a whole number from 1 to { $max }.
services-too-many = Too many values of one filter were chosen (at most { $max }).
services-search-label = What are you looking for?
services-search-hint = For example home care, debts, seniors (in Czech).
services-place-label = Where?
services-place-hint = The municipality where help is needed.
services-search-button = Search
services-place-unknown = We cannot find the municipality “{ $place }” in this area. Check the name or leave it empty.
services-place-several = Several municipalities are called “{ $place }”. Choose one:
filters-title = Refine
filters-order = Order and time
filters-order-relevance = Best match
filters-order-distance = Nearest to the municipality
filters-order-needs-place = Ordering by distance needs a municipality.
filters-open-now = Open now only
facet-kind = Kind of service
facet-target = For whom
facet-form = Form
facet-age = Age
filters-apply = Apply
services-found = { $count ->
    [one] { $count } service found
   *[other] { $count } services found
}
services-serving = for { $place }
services-showing = Showing { $first }–{ $last } of { $count }.
services-relaxed = No service contains every word, so services containing some of them are shown.
map-show = Show on a map
map-hide = Hide the map
map-label = Map of the services found
map-label-service = Map: { $name }
map-fallback = The map did not load. The addresses are in the list.
map-open-osm = Open the place on OpenStreetMap
services-none = Nothing found. Try fewer words, another word, or remove some filters.
pagination = Result pages
pagination-prev = Previous
pagination-next = Next
pagination-page = Page { $number }
verified-on = Verified { $date }
verified-never = Not verified yet
verified-level-fresh = verified within the last six months
verified-level-aging = verified more than six months ago
verified-level-stale = verified more than a year ago
verified-level-never = not verified
card-provider = Provider
address-hidden = Address not published ({ $municipality })
card-more-places = { $count ->
    [one] and { $count } more place
   *[other] and { $count } more places
}
card-distance = { $distance } from the chosen municipality
demo-tag = Example
service-ended = This service is no longer provided.
service-suspended = This service is suspended.
action-print = Print
action-add-to-list = Add to my list
action-in-list = In your list – show the list
action-report = Report an error in the data
service-description = Description
service-for-whom = For whom
service-target-groups = Target groups
service-age-groups = Age
service-area = Serves
unit-municipality = municipality { $name }
unit-orp = ORP { $name }
unit-district = district { $name }
unit-region = { $name }
service-where = Where
service-no-places = The service gives no place of provision.
service-forms = Forms, capacity and opening hours
service-capacity = Capacity
service-continuous = Provided day and night.
service-hours = Opening hours: { $form }
col-day = Day
col-hours = Time
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
service-fees = Fees
service-contacts = Contacts
label-phone = Phone
label-email = E-mail
label-web = Web
label-registration = Registration identifier
label-provided-from = Provided since
report-title = Report an error
report-intro = Did you find a wrong or outdated detail of “{ $name }”? Tell us what is wrong. The coordinator will check it with the provider.
report-message = What is wrong?
report-message-hint = At least { $min } and at most { $max } characters.
report-contact = Your e-mail or phone (optional)
report-contact-hint = Only if you want an answer. It is never published.
report-honeypot = Leave this field empty
report-send = Send
report-privacy = Only the catalogue coordinator reads reports. The contact is used only to answer.
report-expired = The form expired or was not sent from this page. Please send it again.
report-contact-too-long = The contact is too long (at most 200 characters).
report-message-length = Describe the error in 10 to 2,000 characters.
report-too-many = Many reports came from your connection in a short time. Please try again in ten minutes.
report-thanks-title = Thank you
report-thanks-text = We have received your report. The coordinator will check it and correct the data.
report-back = Back to { $name }
provider-kind = Provider of social services
label-ico = Company ID (IČO)
label-legal-form = Legal form
label-seat = Registered office
provider-services = { $count ->
    [one] { $count } service
   *[other] { $count } services
}
provider-ended = { $count ->
    [one] { $count } more service is no longer provided.
   *[other] { $count } more services are no longer provided.
}
list-title = My list
list-intro = Services you picked (at most { $max }). The list is kept in the page address: you can send it, bookmark it or print it. No account is needed.
list-missing = { $count ->
    [one] { $count } service of the list is no longer in the catalogue.
   *[other] { $count } services of the list are no longer in the catalogue.
}
list-share = Address of the list:
list-remove = Remove from the list: { $name }
list-empty = The list is empty. Add a service with “Add to my list” on its page.
list-find = Find services
a11y-title = Accessibility statement
a11y-intro = We want everyone to be able to use the catalogue of social services – on a phone, with a keyboard only or with a screen reader.
a11y-status-title = Compliance status
a11y-status = The site is designed to WCAG 2.1 level AA (EN 301 549) and Czech Act No. 99/2019. It complies, with the exceptions listed below.
a11y-how-title = How to use the site
a11y-how-keyboard = Everything works with a keyboard: Tab moves between links and fields; the first link skips to the content.
a11y-how-nojs = Search, filters, pages and “My list” work without JavaScript.
a11y-how-zoom = Text can be enlarged to 200 % and pages fit a phone's width.
a11y-how-print = Service pages, results and my list print without the controls.
a11y-how-languages = The interface is in Czech, English and Ukrainian. Service details are in Czech, as providers give them.
a11y-limits-title = Known limitations
a11y-limit-map = The map is not accessible to screen readers; the same details (addresses and distances) are always in the list too.
a11y-limit-data = Service descriptions are written by the providers; we cannot make them plainer.
a11y-check-title = How we checked
a11y-check = Every version ({ $version }) is checked automatically with axe-core on every kind of page in three languages, on desktop and phone widths, and keyboard use is tried by hand.
a11y-feedback-title = Feedback
a11y-feedback = Did you meet a barrier? Write to the catalogue coordinator at the office running this site; we answer within 30 days.
municipality-services = Services for { $name }
municipality-services-intro = { $count ->
    [one] { $count } service serves the municipality. The nearest:
   *[other] { $count } services serve the municipality. The nearest:
}
municipality-services-all = All services for { $name } ({ $count })
municipality-services-none = We know of no service for this municipality yet.
doc-cover-kicker = Catalogue of social services
doc-brochure-title = Catalogue of social services – { $area }
doc-edition = Edition of
doc-contents = Contents
doc-how-title = How to use this catalogue
doc-how-intro = The catalogue lists the social services that help people in the municipalities of this area: services with a place in the area and services that travel here to people. Every service listed is registered or was added by the planning coordinator.
doc-how-by-target-group = Chapters follow whom the services help (target groups). Each service is described in full in the chapter of its first target group; other chapters refer to it by number and page.
doc-how-by-kind = Chapters follow the kinds of social service, in the order of the Social Services Act.
doc-how-by-municipality = Chapters follow the municipality where a service has its place. Services that come to people from elsewhere are in the last chapter.
doc-how-block = Each service shows its number, kind, provider, form, places, contacts, opening hours and whom it helps. The QR code opens the service's web page with complete and current details. The addresses of some facilities (such as shelters) are not published by law; only the municipality is given.
doc-how-indexes = At the end you find an index of providers, an index of municipalities with the numbers of the services helping in each, and the contact of the social services planning coordinator.
doc-online = The current catalogue online:
doc-no-services = There are no services in this area's catalogue yet.
doc-chapter-other = Other services
doc-chapter-area-wide = Services based outside the area
doc-number-short = no.
doc-page-short = p.
doc-provider = Provider
doc-forms = Form
doc-places = Places
doc-phone = Phone
doc-email = E-mail
doc-web = Web
doc-target-groups = For whom
doc-hours = Opening hours
doc-nonstop = day and night
doc-weekday-1 = Mon
doc-weekday-2 = Tue
doc-weekday-3 = Wed
doc-weekday-4 = Thu
doc-weekday-5 = Fri
doc-weekday-6 = Sat
doc-weekday-7 = Sun
doc-more-places = { $count ->
    [one] and { $count } more place (online)
   *[other] and { $count } more places (online)
}
doc-suspended = The service is suspended.
doc-ended = The service is no longer provided.
doc-qr-alt = QR code linking to the service's web page:
doc-qr-caption = more online
doc-also-here = More services for this group
doc-providers-title = Index of providers
doc-municipalities-title = Index of municipalities
doc-municipalities-note = Each municipality lists the numbers of the services with a place there or that come there.
doc-none = no service yet
doc-coordinator-title = Social services planning coordinator
doc-coordinator-missing = The coordinator's contact has not been given yet. Please ask the social department of the municipal office.
doc-demo = Demo data: the territory and population are real, the services and providers are fictional.
doc-source = Data from the MPSV registry of social service providers and from the providers, as of { $date }. Made with Souhra.
doc-list-title = My list of services
doc-download-title = Printed catalogue
doc-download-intro = All services of the area in one document to print. It is made again whenever the catalogue changes.
doc-download-a4 = Download the catalogue (PDF, A4)
doc-download-a5 = Download the booklet (PDF, A5)
doc-card-pdf = Service card (PDF)
doc-list-pdf = List as PDF

## Accounts and the administration

nav-admin = Administration
footer-admin = For coordinators and providers: sign in
login-title = Sign in
login-intro = Signing in is for planning coordinators, providers of social services, working group members and councillors. The public uses the catalogue without an account.
login-email = E-mail
login-password = Password
login-submit = Sign in
login-forgot = Forgot your password?
login-who = Accounts are created by the planning coordinator or the administrator with an invitation by e-mail.
login-password-set = Your password is set. Sign in with it.
login-signed-out = You have been signed out.
login-failed = The e-mail or the password is wrong.
login-too-many = Too many attempts came from your connection. Please try again in a few minutes.
login-locked = { $minutes ->
    [one] The account is locked for a while after repeated failed attempts. Try again in { $minutes } minute.
   *[other] The account is locked for a while after repeated failed attempts. Try again in { $minutes } minutes.
}
form-expired = The form has expired. Please send it again.
logout-submit = Sign out
forgot-title = Forgotten password
forgot-intro = Enter the e-mail you sign in with. We will send you a link to set a new password.
forgot-submit = Send the link
forgot-sent = If an account exists for this address, we have sent it a link to set a new password.
forgot-back = Back to sign in
invitation-title = Accept the invitation
invitation-intro = Welcome to Souhra. Choose a password for the account { $email }; you may correct the name.
invitation-name = Full name
reset-title = New password
reset-intro = Choose a new password for the account { $email }. Every current sign-in will end.
password-new = New password
password-hint = At least { $min } characters. A sentence of a few words is easy to remember.
password-again = Password again
password-submit = Save the password
password-name-invalid = Please fill in the name (at most 120 characters).
password-length = The password needs at least { $min } characters (at most 200).
password-mismatch = The passwords differ.
link-expired-title = The link is no longer valid
link-expired-text = The link has been used already or has expired. You can ask for a new one, or contact whoever invited you.
admin-title = Administration
admin-signed-in-as = Signed in: { $name } ({ $email })
admin-installation = You administer the whole installation.
admin-areas = Your areas
admin-no-areas = You have no role in any area yet.
admin-users-title = Users
admin-users-caption = Users with a role in { $area }
admin-user-name = Name
admin-user-roles = Roles
admin-user-role = Role
admin-user-inactive = inactive
admin-no-users = Nobody has a role in this area yet.
admin-invite-title = Invite a user
admin-invite-intro = The invited person gets an e-mail with a link to set a password. Someone who has an account gets the role at once.
admin-invite-ico = Provider's IČO
admin-invite-ico-hint = Only for the provider editor role: the organization whose services they will keep.
admin-invite-submit = Send the invitation
admin-invited = The invitation for { $email } has been sent.
admin-invite-email = Please enter a valid e-mail address.
admin-invite-name = Please fill in the name (at most 120 characters).
admin-invite-ico-invalid = A provider editor needs the organization's valid IČO; other roles have none.
role-administrator = administrator
role-coordinator = coordinator
role-group-member = working group member
role-provider-editor = provider editor
role-read-only = read only
mail-reset-subject = Souhra: setting a new password
mail-reset-body =
    Hello,

    someone (perhaps you) asked for a new password for your Souhra account. Set it at this address:

    { $link }

    The link works for { $hours } h and only once. If you did not ask for it, delete this message; your password stays as it is.

    Souhra
mail-invitation-subject = Souhra: invitation to { $area }
mail-invitation-body =
    Hello,

    { $inviter } invites you to Souhra, the information system of community planning of social services, as { $role } for { $area }.

    Set your password at this address:

    { $link }

    The link works for { $days } days and only once.

    Souhra
mail-role-subject = Souhra: a new role in { $area }
mail-role-body =
    Hello,

    { $inviter } gave you the role { $role } for { $area } in Souhra. Sign in as usual:

    { $link }

    Souhra

## Provider self-service, moderation, history, audit

admin-services-title = Services
admin-services-list = List of services
admin-services-caption = Services in { $area }
admin-verified = Verified
admin-never-verified = never
admin-verify-submit = Everything is still correct
admin-verify-hint = Confirms that the service's data hold and records today as the date of verification.
admin-edit-title = Edit the data
admin-edit-intro-provider = Changes go to the coordinator for approval; you will get an e-mail about the decision. Data of the MPSV registry that are not here are corrected in the registry.
admin-edit-intro-moderator = Changes are saved at once and recorded in the service's history.
admin-edit-note = Note on the change (optional)
admin-edit-submit-provider = Send for approval
admin-edit-submit-moderator = Save the changes
admin-list-hint = One item per line.
admin-field-invalid = The field "{ $field }" has an invalid value. Check its length, that a web address starts with https:// and that an e-mail looks like name@domain.cz.
admin-proposed = The changes have been sent for approval.
admin-saved = The changes have been saved.
admin-verified-now = The data are confirmed as current.
admin-unchanged = Nothing changed.
admin-proposals-title = Your proposed changes
freshness-title = Freshness of the data
freshness-intro = Data nobody has confirmed for more than { $months } months are marked as unverified, and providers get a reminder.
freshness-caption = Freshness by provider
freshness-services = Services
freshness-stale = Unverified
freshness-stale-mark = unverified
field-name = Name
field-description = Description
field-fees = Fees
field-web = Web
field-emails = E-mails
field-phones = Phones
field-verified-at = Date of verification
history-title = History of changes
history-field = Field
history-before = Before
history-after = After
history-registry-value = (registry value)
history-someone = unknown user
history-restore = Restore this version
history-restored = The version has been restored; the restore is recorded in the history.
history-empty = The service has no changes yet.
change-source-edit = edit
change-source-moderation = provider's proposal, approved
change-source-restore = earlier version restored
change-source-verification = confirmed as current
proposal-status-open = waiting for approval
proposal-status-approved = approved
proposal-status-rejected = rejected
queue-title = To approve
queue-proposals = Changes proposed by providers
queue-reports = Error reports from the public
queue-note = Note
queue-now = Now
queue-proposed = Proposed
queue-reason = Reason (required for a rejection)
queue-approve = Approve
queue-reject = Reject
queue-fixed = Fixed
queue-not-a-mistake = Not a mistake
queue-contact = Contact
queue-no-proposals = No proposals are waiting.
queue-no-reports = No reports are waiting.
audit-title = Audit log
audit-who = User (e-mail)
audit-action = Action
audit-any = all
audit-action-service = changes of services
audit-action-proposal = proposals and decisions
audit-action-report = error reports
audit-action-account = accounts and invitations
audit-from = From
audit-to = To
audit-filter = Filter
audit-csv = Download as CSV
audit-caption = Latest entries (at most { $limit })
audit-at = Time (UTC)
audit-record = Record
audit-detail = Details
audit-empty = No entries match the filter.
mail-decision-no-reason = no note
mail-approved-subject = Souhra: the changes of { $service } are approved
mail-approved-body =
    Hello,

    the coordinator approved your changes of { $service }. They show in the catalogue within a few seconds.

    Note: { $reason }

    Souhra
mail-rejected-subject = Souhra: the changes of { $service } were not approved
mail-rejected-body =
    Hello,

    the coordinator did not approve your changes of { $service }.

    Reason: { $reason }

    Souhra
report-field = Which data the mistake is in (optional)
report-field-any = I don't know / other
mail-remind-subject = Souhra: please check the data of your services
mail-remind-body =
    Hello,

    nobody has confirmed the data of these services in the catalogue of social services for more than { $months } months:

    { $services }

    Please open each service, check its data and confirm them with "Everything is still correct", or propose corrections. People looking for help rely on the catalogue.

    Souhra
admin-user-access = Access
admin-revoke = Remove
admin-revoke-label = Remove the role { $role } from { $name }
admin-deactivate = Block
admin-activate = Allow
admin-deactivate-label = Block the access of { $name }
admin-activate-label = Allow the access of { $name } again
settings-title = Area settings
settings-contact-intro = The planning coordinator's work contacts, printed at the end of the catalogue. Publish the office's contacts only, not private ones.
settings-contact-office = Office or department
settings-contact-person = Name and position
settings-contact-address = Address
settings-contact-phone = Phone
settings-contact-email = E-mail
settings-contact-web = Web
settings-contact-invalid = The contacts could not be saved: give at least the office, a phone or an e-mail, an e-mail like name@domain.cz and a web address starting with https://.
settings-save = Save
settings-situations-intro = Life situations are the ways into the catalogue on the area's home page. Each picks kinds of services and target groups.
settings-situations-defaults = The area uses the default situations so far; the first change makes its own list.
settings-situation = Situation
settings-kinds = Kinds of services
settings-groups = Target groups
settings-actions = Changes
settings-up = Up
settings-up-label = Move the situation { $title } up
settings-remove-label = Remove the situation { $title }
settings-add-situation = Add a life situation
settings-reset-situations = Go back to the default situations
settings-situation-title = Title of the situation
settings-situation-title-hint = Left empty: "{ $title }" (in every interface language).
situation-edit-title = Life situation
situation-needs-title = A new situation needs a title.
situation-invalid = Choose at least one kind of service or target group; the title has at most 100 characters.
installation-title = Installation administration
installation-areas = Areas
installation-area-name = Name
installation-area-slug = Web address
installation-area-slug-hint = Lower-case letters without accents, digits and hyphens, e.g. nepomuk. It cannot be changed later.
installation-area-kind = Kind of area
installation-area-municipalities = Municipalities
installation-area-population = Inhabitants
installation-area-demo-short = demo
installation-area-demo = Demonstration area with fictional content
installation-area-codes = Territory code
installation-area-codes-hint = Region: the region code (e.g. 43). ORP: the ORP code (e.g. 3207). Municipalities: their codes separated by spaces or commas (e.g. 557846 558141).
installation-no-areas = The installation has no areas yet.
installation-area-new = Add an area
installation-area-edit = Edit area { $name }
installation-area-slug-invalid = The address may contain only lower-case letters a–z, digits and single hyphens (at most 64 characters).
installation-area-slug-reserved = The application itself uses this address; please choose another.
installation-area-slug-taken = An area with this address already exists; please choose another.
installation-area-name-invalid = Please fill in the name (at most 120 characters).
installation-area-kind-invalid = Please choose the kind of area.
installation-area-codes-invalid = The territory code has the wrong form: a region has 2 digits, an ORP 4 and a municipality 6.
installation-area-codes-count = A region or an ORP has exactly one code; give at least one municipality.
installation-area-codes-unknown = No such region, ORP or municipality is in the territory data.
installation-labels-title = Names of codelist entries
installation-labels-intro = You may replace the official names from the provider registry with plainer ones for the web and the printed catalogue. An empty field brings the official name back. Open data always use the official names.
installation-labels-lists = Codelists
installation-label-official = Official name
installation-label-shown = Name shown
installation-label-hint = At most 200 characters. The web shows a change within a few seconds.
installation-label-invalid = The name for “{ $entry }” is too long or contains invalid characters (at most { $max } characters). Nothing was saved.
installation-audit-link = Activity log of the whole installation (logins included)
codelist-service-kind = Kinds of social services
codelist-target-group = Target groups
codelist-age-group = Age groups
codelist-form = Forms of provision
codelist-capacity-type = Kinds of capacity
audit-area = Area
audit-action-area = area settings
audit-action-codelist = codelists
audit-entity-service = service no. { $id }
audit-event-service-edit = service edited
audit-event-service-moderation = service change approved
audit-event-service-restore = earlier version of a service restored
audit-event-service-verification = service confirmed as current
audit-event-service-registry = registry data changed by an import
audit-event-proposal-submit = change proposed
audit-event-proposal-approve = proposal approved
audit-event-proposal-reject = proposal rejected
audit-event-report-resolve = error report fixed
audit-event-report-reject = error report declined
audit-event-account-login = login
audit-event-account-login-failed = failed login
audit-event-account-locked = account locked after failed logins
audit-event-account-password = password set
audit-event-account-invite = user invited
audit-event-account-revoke = role taken away
audit-event-account-activate = access allowed
audit-event-account-deactivate = access blocked
audit-event-account-remind = verification reminder
audit-event-area-create = area created
audit-event-area-update = area edited
audit-event-area-contact = coordinator contact
audit-event-area-situations = life situations
audit-event-codelist-label = codelist entry name
admin-waiting = { $count ->
    [one] { $count } item waiting
   *[other] { $count } items waiting
}
history-registry-field = { $field } (registry)
change-source-registry = new data from the MPSV registry
service-status-active = provided
service-status-suspended = suspended
service-status-ended = ended
mail-proposal-subject = Souhra: a change of { $service } waits for approval
mail-proposal-body =
    Hello,

    { $who } proposed changes to the service { $service } in { $area }. The proposal waits in the queue:

    { $link }

    Souhra
mail-report-subject = Souhra: a new error report about { $service }
mail-report-body =
    Hello,

    a visitor of the catalogue of { $area } reported a mistake in the details of { $service }. The report waits in the queue:

    { $link }

    Souhra
audit-event-plan-create = plan created
audit-event-plan-edit = plan edited
audit-event-plan-status = plan status changed
audit-event-plan-version = new plan version
audit-event-plan-value = indicator value recorded
audit-entity-plan = plan no. { $id }
audit-entity-comment = comment no. { $id }
nav-analysis = Analysis
nav-plans = Plans
plans-title = Social services plans
plans-intro = The community plan says which social services the area needs and what the municipality, providers and the people who use the services will do about it together. Action and implementation plans work it out year by year.
plans-current = Plans in force
plans-archive = Archive of ended plans
plans-none = The area has not published a plan in force yet.
plan-kind-community_plan = Community plan for the development of social services
plan-kind-action_plan = Action plan
plan-kind-implementation_plan = Implementation plan
plan-kind-balance_report = Balance report
plan-status-draft = draft
plan-status-in_comment = open for public comment
plan-status-approved = approved
plan-status-in_force = in force
plan-status-ended = ended
plan-approved = approved by { $body }, resolution { $resolution } of { $date }
plan-version = version { $number }
plan-contents = Contents
plan-vision = Vision
plan-priority = Priority
plan-goal = Goal
plan-measure = Measure
plan-activities = Activities
plan-justification = Justification
plan-target-groups = Target groups
plan-responsible = Responsible
plan-partners = Partners
plan-when = Carried out
plan-outputs = Expected outputs
plan-services = Related services
plan-budget-caption = Budget of measure { $title }
plan-year = Year
plan-source = Source
plan-amount = Amount
plan-total = Total
plan-total-all = Total budget of the plan:
funding-municipality = municipality
funding-region = region
funding-mpsv = MPSV subsidy
funding-esf_plus = EU – ESF+
funding-user_fees = users' payments
funding-health_insurance = health insurance
funding-other = other sources
indicator-status-not_started = not measured yet
indicator-status-deteriorating = getting worse
indicator-status-off_track = improving, but too slowly
indicator-status-on_track = on track
indicator-status-achieved = achieved
indicator-chart-label = Chart of the indicator { $name } ({ $unit }): baseline { $baseline } in { $baseline_year }, target { $target } in { $target_year }; status: { $status }.
indicator-values = Values of the indicator { $name }
indicator-value = Value
indicator-baseline = baseline
indicator-target = target
planning-caption = Plans of { $area }
planning-kind = Kind
planning-period = Period
planning-state = Status
planning-public = published version
planning-none = The area has no plan yet.
planning-new = New plan
planning-topic = Topic or target group (action plans)
planning-from = From year
planning-to = To year
planning-create = Create the plan
planning-period-invalid = The period is not valid: years from 2000 to 2100, the end not before the start; this kind of plan lasts at most { $max } years.
planning-title-invalid = Please fill in the title (at most 500 characters, on one line).
planning-frozen = This version is approved and no longer changes. Changes start a new version.
planning-workflow = Approval steps
planning-approval = Approval
planning-resolution = Resolution number
planning-resolution-date = Date of the resolution
planning-body = Approved by (e.g. the town council of Nepomuk)
planning-to-draft = Back to editing
planning-to-in_comment = Publish for comment
planning-to-approved = Record the approval
planning-to-in_force = Put into force
planning-to-ended = End
planning-new-version = Start a new version
planning-markdown-hint = Separate paragraphs with an empty line; **bold**, lists starting with "- " and links [text](https://…) work.
planning-kind-chapter = Chapter
planning-kind-priority = Priority
planning-kind-goal = Goal
planning-kind-measure = Measure
planning-kind-activity = Activity
planning-add-under = { $action } under “{ $title }”
planning-add-chapter = Add a chapter
planning-add-priority = Add a priority
planning-add-goal = Add a goal
planning-add-measure = Add a measure
planning-add-activity = Add an activity
planning-empty = The plan has no content yet.
planning-new-chapter = New chapter
planning-new-priority = New priority
planning-new-goal = New goal
planning-new-measure = New measure
planning-new-activity = New activity
planning-saved-by-other = Someone else saved in the meantime
planning-your-text = Your text (not saved)
planning-text = Text
planning-organization = Responsible organization
planning-person = Responsible person
planning-person-hint = This is published. Prefer a position (e.g. head of department) to a name.
planning-start = Start
planning-end = End
planning-remove = Remove from the plan
planning-refused-title = The change could not be saved
planning-refused = The change cannot be saved: the version is already approved, the element has others under it, or the data are not valid.
planning-conflict = Someone else saved a change in the meantime. Nothing was overwritten: compare both texts and save again.
planning-approval-invalid = To record the approval, fill in the resolution number, its date and who approved the plan.
planning-back = Back to the plan
planning-date-invalid = Enter dates as year-month-day.
planning-dates-reversed = The end cannot be before the start.
planning-budget = Budget
planning-row-title = Row
planning-amount-czk = Amount in CZK
planning-budget-hint = An empty amount removes the row. Whole crowns, e.g. 125000.
planning-save-budget = Save the budget
planning-budget-row-invalid = Budget row { $row }: enter a whole, non-negative amount in crowns (e.g. 125000) and a year within the plan. Nothing was saved.
planning-indicators = Indicators
planning-measured = Measured
planning-record-value = Record the value
planning-record-value-for = Record the value of { $name }
planning-new-indicator = New indicator
planning-indicator-name = What is measured
planning-indicator-unit = Unit
planning-direction = Better is
planning-direction-increase = more
planning-direction-decrease = less
planning-indicators-hint = An indicator with an empty name is removed. The target must lie on the better side of the baseline and not before it.
planning-save-indicators = Save the indicators
planning-indicator-row-invalid = Indicator { $row }: fill in the unit, the numbers of baseline and target and their years; the target must lie on the better side of the baseline and not before it. Nothing was saved.
planning-value-invalid = Enter a year (2000–2100) and a number, e.g. 12.5.
plan-measures = Measures
plan-number = Number
plan-xlsx = Download the table of measures, activities and budget (XLSX)
doc-plan-activities = Activities
doc-plan-amount = Amount
doc-plan-baseline = Baseline
doc-plan-budget = Budget
doc-plan-contents = Contents
doc-plan-goal = Goal
doc-plan-indicator = Indicator
doc-plan-indicators = Indicators
doc-plan-measure = Measure
doc-plan-measured = Measured
doc-plan-priority = Priority
doc-plan-source = Source
doc-plan-status = Status
doc-plan-target = Target
doc-plan-total = Total
doc-plan-total-all = Total budget of the plan:
doc-plan-vision = Vision
doc-plan-year = Year
doc-plan-number = Number
doc-plan-planned = Planned
doc-plan-spent = Spent
doc-plan-paid = Paid
doc-plan-item = Activity
doc-plan-priority-total = Priority total
plan-pdf = Download the plan as a PDF
money-czk = { $amount } Kč
activity-status-done = done
activity-status-ongoing = ongoing
activity-status-postponed = postponed
activity-status-cancelled = cancelled
yearly-work = Work of { $year }
yearly-outcomes = Results in { $year }
yearly-summary-plan = Activities: { $activities }. Money planned: CZK { $planned }.
yearly-summary-report = { $done } of { $activities } activities done ({ $percent } %), { $reported } reported. Planned CZK { $planned }, spent CZK { $spent }.
yearly-no-sources = For { $year } the area has no approved or valid community or action plan to take activities from.
yearly-sources-hint = Activities and amounts are taken from the approved and valid plans covering { $year }. When a new version of a plan comes into force, draw them again.
yearly-redraw = Draw again from the valid plans
yearly-from-plan = Taken from: { $title } (version { $number })
yearly-item = Activity
yearly-planned = Planned
yearly-status = Status
yearly-spent = Spent
yearly-commentary = Commentary
yearly-not-reported = not reported
yearly-choose = – not reported –
yearly-measure-itself = measure without separate activities
yearly-caption = Priority { $number }: { $title } – { $year }
yearly-measure-money = Measure { $number }: { $title } – the measure's money in the year CZK { $money }
yearly-priority-total = Priority total
yearly-indicators = Indicators of measure { $number } in { $year }
yearly-indicator-value = { $value } { $unit } (baseline { $baseline }, target { $target } in { $target_year })
yearly-no-value = no value recorded for the year
yearly-record-values = record measured values
yearly-save = Save results
yearly-saved-was = saved: { $value }
yearly-label-status = Status: { $item }
yearly-label-spent = Spent (CZK): { $item }
yearly-label-commentary = Commentary: { $item }
yearly-error-status = choose a status (an amount or a commentary is not saved without one)
yearly-error-spent = write the amount spent in whole crowns, e.g. 125000
yearly-error-commentary = a commentary may have at most 4,000 characters
yearly-error-row = { $number } { $title }: { $problem }
yearly-error-some = The results were not saved: correct the marked rows. Nothing of the form was saved.
yearly-conflict = Someone else saved the results in the meantime. Each row shows what is saved and what you entered; check them and save again.
yearly-plan = Plan
nav-groups = Groups
groups-title = Working groups of community planning
groups-intro = The plan is prepared by the steering group and the working groups. They bring together municipalities (commissioners), service providers and people who use services or their carers. Meetings are open; the coordinator publishes the minutes.
groups-caption = Groups of { $area }
groups-name = Name
groups-kind = Kind of group
groups-members = Members
groups-next = Next meeting
groups-next-meeting = Next meeting: { $when }
groups-no-next = No meeting is planned.
groups-none = The area has no group yet.
groups-none-public = The area has not published any group yet.
groups-new = New group
groups-description = What the group works on
groups-create = Create the group
groups-refused = Not saved: { $reason }
groups-error-date = Write the date of the meeting as year-month-day, e.g. 2026-03-10.
groups-error-time = Write times as hours:minutes, e.g. 14:00.
groups-error-times = A meeting must end after it starts.
groups-error-term-from = Write the start of the membership as year-month-day.
groups-error-term-to = Write the end of the membership as year-month-day.
group-kind-steering = Steering group
group-kind-working = Working group
group-members-caption = Members of { $name }
group-no-members = The group has no members yet.
group-meetings = Meetings
group-no-meetings = The group has no meeting yet.
group-upcoming = Coming meetings
group-past = Past meetings
group-no-past = No meeting has taken place yet.
group-feed = Calendar of the group's meetings (iCalendar) – add it to your calendar
group-names-hint = Members' names are shown only with their consent.
triad-commissioner = commissioner
triad-provider = provider
triad-user = user or carer
member-name = Name
member-organization = Organization
member-no-organization = no organization
member-role = Side of the triad
member-position = Role in the group (e.g. chair)
member-email = E-mail for invitations
member-email-hint = Never published; used only to send invitations.
member-publish-name = The member agrees to have their name published
member-name-private = name not published
member-term = Membership
member-term-from = Member from
member-term-to = Member until
member-add = Add a member
member-remove = Remove from the group
member-feed = Personal meeting calendar (send the link to this member only):
meeting-new = Plan a meeting
meeting-create = Plan
meeting-date = Date
meeting-from = Start
meeting-to = End
meeting-place = Place
meeting-agenda = Agenda
meeting-minutes = Minutes
meeting-publish-minutes = Publish the minutes, attendance and materials
meeting-minutes-public = minutes published
meeting-minutes-not-yet = The minutes have not been published yet.
meeting-cancel = The meeting is cancelled
meeting-cancelled = cancelled
meeting-details = Meeting details
meeting-invite = Send invitations
meeting-invite-hint = Every member with an e-mail whose membership covers the meeting's day gets an invitation with a calendar entry. After changing the time or place, send it again; calendars update it.
meeting-invited-at = Last sent { $at }.
meeting-invited = Invitations sent: { $count }.
meeting-invitations-sent = invitations sent
meeting-invitation-subject = Invitation: { $group }, { $when }
meeting-invitation-body = Hello,
    you are invited to the meeting of { $group }.
    When: { $when }
    Where: { $place }
    Agenda:
    { $agenda }
    The attached invitation puts the meeting into your calendar. All meetings of your groups are in your calendar at { $feed }
    The group's page: { $link }
meeting-attendance = Attendance
meeting-save-attendance = Save attendance
meeting-present = Members present: { $count }
presence-unknown = – not recorded –
presence-present = present
presence-excused = excused
presence-absent = absent
meeting-actions = Action items
meeting-actions-caption = Action items of the meeting
meeting-actions-hint = Empty rows are left out.
meeting-action-task = Task
meeting-action-owner = Who
meeting-action-deadline = Deadline
meeting-action-done = Done
meeting-action-error = Action item { $row }: fill in the task and who does it, and the deadline as year-month-day. Nothing was saved.
meeting-save-actions = Save action items
meeting-materials = Materials
meeting-no-materials = No materials yet.
meeting-material-file = File
meeting-material-hint = At most { $mb } MB. The public sees materials once the minutes are published.
meeting-material-upload = Upload material
meeting-material-remove = Remove
meeting-material-missing = Choose a file to upload.
meeting-material-too-big = The file is too large.
audit-event-group-create = group created
audit-event-group-edit = group or its members changed
audit-event-meeting-edit = meeting changed
audit-entity-group = group no. { $id }
import-title = Plan structure from Excel
import-intro = You can start the plan in Excel: download the template, fill in priorities, goals, measures and activities (each row has its code and its parent's code) and the budget on the second sheet, then upload it. It goes only into an empty draft; on an error nothing is saved and you learn the row and the reason.
import-template = Download the template (XLSX)
import-file = The filled-in template (XLSX)
import-submit = Upload the structure
import-sheet-structure = Structure
import-sheet-budget = Budget
import-col-reference = Code
import-col-kind = Kind
import-col-parent = Parent code
import-col-title = Title
import-col-text = Description
import-col-groups = Target groups (separated by semicolons)
import-col-organization = Responsible organization
import-col-person = Responsible person or role
import-col-partners = Partners
import-col-start = Start
import-col-end = End
import-col-outputs = Expected outputs
import-col-year = Year
import-col-source = Source
import-col-amount = Amount (CZK)
import-example-priority = Older people can live at home as long as possible
import-example-goal = Home care available in the whole area
import-example-measure = Extend the home care service to small villages
import-example-activity = A new service car
import-example-organization = The town (example)
import-row = Sheet { $sheet }, row { $line }: { $problem }
import-problems = The structure was not uploaded; nothing was saved. Correct these places in the file ({ $count }):
import-problem-no-reference = the row has no code
import-problem-duplicate = the code { $value } is used twice
import-problem-kind = "{ $value }" is not a kind of element (priority, goal, measure, activity, chapter)
import-problem-no-title = the title is missing
import-problem-missing-parent = the parent code { $value } is not in the sheet
import-problem-wrong-parent = a { $kind } belongs under a { $value }
import-problem-no-parent-allowed = a { $kind } has no parent
import-problem-cycle = the parents go round in a circle (the element is its own parent)
import-problem-date = "{ $value }" is not a date (write year-month-day or day.month.year)
import-problem-reversed = the end is before the start
import-problem-group = the target group "{ $value }" is not in the codelist
import-problem-element = the code { $value } is not in the structure sheet
import-problem-year = "{ $value }" is not a year
import-problem-source = "{ $value }" is not a source (municipality, region, MPSV subsidy …)
import-problem-amount = "{ $value }" is not an amount: whole non-negative crowns
import-unreadable = The file cannot be read as a plan template ({ $reason }). Use the downloaded template.
import-refused = The structure was not uploaded: { $reason }
import-too-big = The file is too large (at most 5 MB).
planning-services = Related services from the catalogue
planning-services-hint = The services ticked are shown with the measure, linked to the catalogue.
planning-services-none = The area's catalogue has no services yet.
planning-move-nahoru = up
planning-move-dolu = down
plan-progress = Results { $year }:
plan-progress-text = { $done } of { $activities } activities done, CZK { $planned } planned, CZK { $spent } spent.
plan-progress-report = Balance report

## Public comment
comments-title = Comments
comments-heading = Comments on the draft: { $title }
comment-period-announced = Comments may be made from { $from } to { $to }.
comment-period-open = Comments may be made until { $to } (from { $from }).
comment-period-over = The comment period ({ $from } – { $to }) is over.
comment-whole-plan = Comment on the whole plan
comments-count = { $count ->
    [one] 1 comment
   *[other] { $count } comments
}
comments-table-pdf = Settlement of comments (PDF)
comments-table-xlsx = Settlement of comments (XLSX)
diff-link = What changed in the plan
comments-on-whole = Comments on the whole plan
comments-text = The draft's text and comments on its parts
comment-on = Comment
comments-back-plan = Back to the plan
comment-sent = Thank you, your comment was received and is published below. E-mail addresses are never published.
comment-public = the public
comment-proposal = Proposed wording
comment-changed = changed: { $element }
comment-waiting = Waiting to be settled.
settlement-accepted = accepted
settlement-partially_accepted = partially accepted
settlement-rejected = rejected
settlement-noted = noted
settlement-none = not settled
comment-form-title = Make a comment
comment-element = Which part of the plan
comment-element-whole = the whole plan
comment-text = Comment
comment-text-hint = Write what you would change and why. At most { $max } characters.
comment-proposal-hint = Optional: how the text should read.
comment-who = Who is commenting
comment-signed-as = You comment as the signed-in user { $name }.
comment-name = Name
comment-required = (required)
comment-email = E-mail
comment-email-hint = Never published. Used only to tell you of the settlement, if you ask for it.
comment-organization = Organization (optional)
comment-named = Publish my name with the comment (otherwise "the public")
comment-notify = E-mail me when the comment is settled
comment-consent = I agree to the processing of my data as described below
comment-consent-default = The office processes your name, organization and e-mail only to settle the comments on this plan. The e-mail is never published, the name only with your consent. On request the office deletes your data; the comment and its settlement stay as a contribution of the public.
comment-send = Send the comment
comments-back = Back to the comments
comment-error-text = A comment must have 1 to { $max } characters without control characters.
comment-error-proposal = The proposed wording may have at most { $max } characters.
comment-error-name-length = Name and organization may have at most 200 characters.
comment-error-links = A comment may hold at most { $links } web links.
comment-error-name = Please fill in your name.
comment-error-email-required = Please fill in your e-mail.
comment-error-email = The e-mail address is not valid.
comment-error-notify = To be told of the settlement, fill in your e-mail.
comment-error-consent = If you give a name, organization or e-mail, please confirm your consent to its processing.
comment-error-closed = Comments on this plan cannot be made now: no comment period is running.
comment-error-element = The chosen part is not in the draft. Please choose it again.
comment-error-too-many = Many comments came from your connection in a short time. Please try again in ten minutes.
comment-period-legend = Comment period
comment-period-hint = The draft is published for comment and cannot be edited while the period runs. The area's shortest period: { $days } days.
comment-period-from = First day
comment-period-to = Last day
comment-announcement = Announcement
comment-announcement-hint = Optional: when and where the public hearing is, whom to contact. Markdown may be used.
comments-admin-link = Comments and their settlement
comment-go-to = Go to comment no. { $id }
comments-public-page = Public page of the comments
comment-periods = Comment periods
comment-period-version = Version
comment-period-dates-col = Period
comment-period-comments = Comments
comment-period-unsettled = Not settled
comment-period-close = End the comment period now
comment-periods-none = The plan has not been published for comment yet.
comments-of-version = Comments on version { $number }
comment-number = Comment no. { $id }
comment-erased = personal data erased
comment-hidden = Hidden:
settlement-legend = Settlement of comment no. { $id }
settlement-justification-label = Justification
settlement-change = Part of the plan changed
settlement-no-change = no change of the text
settlement-save = Save the settlement
comment-show = Show again
comment-hide-why = Reason for hiding
comment-hide = Hide as abusive
comment-erase = Erase the author's personal data
comment-rules = Comment rules of the area
comment-rules-days = Shortest comment period (days)
comment-rules-identification = What the public must give
identification-optional = nothing (name and e-mail are optional)
identification-name = a name
identification-name_email = a name and an e-mail
comment-rules-consent = Consent text for the processing of data
comment-rules-consent-hint = Leave empty for the standard text.
comment-rules-invalid = The shortest period must be { $min } to { $max } days.
settlement-choose = Please choose how the comment was settled.
settlement-justification = A settlement needs a justification (at most 4,000 characters).
settlement-conflict = Someone else settled this comment in the meantime. The saved settlement is below; check it and save again if needed.
settlement-refused = This cannot be saved: the version is already approved, or the chosen part is not in the version.
comment-hide-reason = Please give the reason for hiding.
comment-period-dates = Enter the first and the last day of the period.
comment-period-reversed = The last day of the period cannot be before the first.
comment-period-short = A comment period must last at least { $min } days.
comment-period-long = A comment period may last at most { $max } days.
comment-period-past = A comment period cannot start in the past.
comment-approval-running = The comment period runs until { $to }. End it before the approval.
comment-approval-unsettled = { $count ->
    [one] One comment is not settled yet.
   *[other] { $count } comments are not settled yet.
} The plan can be approved once every comment is settled.
mail-settled-subject = Your comment on { $plan } was settled
mail-settled-body =
    Hello,

    your comment on { $plan } ({ $area }) was settled: { $status }.

    Justification: { $justification }

    Your comment: { $comment }

    All comments and their settlement: { $link }

    Souhra
mail-comment-period-subject = { $plan }: comments until { $to }
mail-comment-period-body =
    Hello,

    the draft { $plan } ({ $area }) is published for comment from { $from } to { $to }. Comments on the whole plan and on each measure can be made here:

    { $link }

    Souhra
settlement-title = Settlement of comments
settlement-summary = In all { $total }: accepted { $accepted }, partially accepted { $partially_accepted }, rejected { $rejected }, noted { $noted }, not settled { $none }.
settlement-hidden = Hidden as abusive (not in the table): { $count }.
doc-settlement-author = Author
doc-settlement-comment = Comment
doc-settlement-element = Part of the plan
doc-settlement-justification = Justification
doc-settlement-number = No.
doc-settlement-proposal = Proposed wording
doc-settlement-settlement = Settlement
diff-title = Changes in the plan
diff-nothing = Nothing to compare yet: the plan has one published text.
diff-from = Older text
diff-to = Newer text
diff-compare = Compare
diff-summary = Added { $added }, removed { $removed }, changed { $changed } parts.
diff-change-added = added
diff-change-removed = removed
diff-change-changed = changed
diff-was = formerly { $label }
diff-field-title = Title
diff-field-body = Text
diff-field-justification = Justification
diff-field-target_groups = Target groups
diff-field-responsible = Responsible
diff-field-partners = Partners
diff-field-when = When
diff-field-outputs = Outputs
diff-field-budget = Budget
diff-added-marker = added:
diff-removed-marker = removed:
diff-back = Back to the plan
diff-side-published = Version { $number }: text published for comment ({ $from } – { $to })
diff-side-version = Version { $number } ({ $status })
audit-event-comment-rules = comment rules changed
audit-event-comment-period = comment period
audit-event-comment-settle = comment settled
audit-event-comment-hide = comment hidden or shown
audit-event-comment-erase = commenter's personal data erased
plans-in-comment = Out for comment

## Analysis of the social situation
analysis-title = Analysis of the social situation
analysis-title-of = Analysis of the social situation: { $name }
analysis-intro = Who lives in the area, which social services are here with what capacity, and where they are missing. Computed from the Czech Statistical Office's population figures and the catalogue of services (the MPSV registry of providers with local additions).
analysis-part = Part of the area
analysis-part-show = Show
analysis-part-whole = the whole area
analysis-part-orp = ORP { $name }
analysis-demo-note = Demonstration area: the population totals are real (Czech Statistical Office); the age structure is fictional and only shows how the page works, as are the services in the catalogue.
analysis-demography = Inhabitants
analysis-dates = at dates from { $from } to { $to }
analysis-municipalities = Municipalities
analysis-without-total = { $count ->
    [one] { $count } municipality has no population figure; it is not in the sum.
   *[other] { $count } municipalities have no population figure; they are not in the sum.
}
analysis-zero-population = { $count ->
    [one] { $count } municipality has no inhabitants (a military area, for example); it is counted but adds nothing per 1,000 inhabitants.
   *[other] { $count } municipalities have no inhabitants (military areas, for example); they are counted but add nothing per 1,000 inhabitants.
}
analysis-older-caption = Older inhabitants { $date } compared with the region and the Czech Republic
analysis-col-region = Region
analysis-col-country = Czech Republic
analysis-without-ages = The age structure is known for { $with } municipalities; age data are not loaded for { $count }, and the shares hold only for the municipalities with data.
analysis-age-caption = Age structure of the inhabitants { $date }
analysis-age-chart = Age structure of the inhabitants: { $name }
analysis-ages-missing = Age data are not loaded.
analysis-ages-missing-help = The shares of people aged 65 and 80 or older and the figures per 1,000 of these age groups appear once an administrator loads the Czech Statistical Office's population by age (command souhra territory load --population).
analysis-municipalities-caption = Inhabitants by municipality
analysis-col-code = Municipality code
analysis-col-municipality = Municipality
analysis-col-65 = 65 and older
analysis-col-80 = 80 and older
analysis-unknown = –
analysis-supply = Services and their capacity
analysis-supply-intro = The capacity of services by kind, form and capacity type, in the area and per 1,000 inhabitants of the group the service is for (beds of homes for seniors per 1,000 people aged 65 and older, for example).
analysis-supply-caption = Capacity of social services: { $name }
analysis-col-kind = Kind of service
analysis-col-form = Form
analysis-col-capacity-type = Capacity type
analysis-col-services = Services
analysis-col-capacity = Capacity
analysis-col-group = Per
analysis-col-group-size = People in the group
analysis-col-per-1000 = Per 1,000
analysis-supply-rule = A service's capacity is divided among the municipalities it serves by their number of people in the group: a residential form belongs to the municipalities of its facilities, outpatient and field forms to those of its service area. So nothing is counted twice. Ended and suspended services are not counted.
analysis-compare-note = Comparisons with the region or the country are shown only where this installation's catalogue covers the whole region or country (the registry is loaded only for the territory of its areas).
analysis-supply-none = No service with a capacity figure serves the area.
analysis-without-capacity = Services without a capacity figure (not counted in the table), by kind:
analysis-coverage = Availability of services in the municipalities
analysis-coverage-intro = A kind of service is available in a municipality when the service area of a service of that kind covers it, or one of its facilities is within { $km } km.
analysis-coverage-caption = Municipalities without the kind of service (facilities within { $km } km)
analysis-col-missing = Municipalities without it
analysis-col-missing-people = People living there
analysis-missing-of = { $missing } of { $all }
analysis-coverage-link = Choose a kind of service and a distance
analysis-xlsx = Tables of the analysis (XLSX)
analysis-group-all = all inhabitants
analysis-group-from = inhabitants aged { $from } and older
analysis-sheet-population = Inhabitants
analysis-sheet-supply = Capacity of services
analysis-coverage-title = Availability of services in the municipalities
analysis-coverage-help = Choose a kind of service and the distance within which a facility should be. The map and the table show the municipalities where the service is missing.
analysis-kind-choose = – choose a kind of service –
analysis-km = Distance of a facility (km)
analysis-km-help = a whole number from 1 to { $max }
analysis-coverage-show = Show availability
analysis-coverage-of = { $kind }: availability in the municipalities (facilities within { $km } km)
analysis-missing-summary = The service is missing in { $missing } of { $all } municipalities.
analysis-map-caption = Filled circle: the service is available. Empty crossed circle: the service is missing. The size follows the population. The table has the same figures.
analysis-map-title = Map of the municipalities: { $kind } missing in { $missing } of { $all }
analysis-map-available = available
analysis-map-missing = missing
analysis-sort = Sort by:
analysis-sort-obec = name
analysis-sort-obyvatele = population
analysis-sort-dostupnost = availability
analysis-sort-vzdalenost = distance of a facility
analysis-col-available = Available
analysis-col-by-area = Services whose area covers it
analysis-col-nearest = Nearest facility (km)
analysis-col-nearest-service = Nearest service
analysis-yes = yes
analysis-no = no
analysis-csv = Availability table (CSV)
analysis-coverage-xlsx = Availability table (XLSX)
analysis-km-invalid = The distance "{ $value }" cannot be used: enter a whole number from 1 to { $max } km.
analysis-kind-invalid = The kind of service "{ $value }" is unknown: choose one from the list.

## Needs surveys
surveys-title = Needs surveys
surveys-intro = Questionnaires for citizens, service users and providers: answers are anonymous unless a survey lets respondents give a name and an e-mail with consent. Once the first answers come in, the questions can no longer change; only their wording can be corrected.
surveys-caption = Surveys: { $area }
surveys-name = Title of the survey
surveys-status = Status
surveys-responses = Answers
surveys-closes = Open until
surveys-none = No survey yet.
surveys-new = New survey
surveys-create = Create the survey
survey-status-draft = being prepared
survey-status-open = collecting answers
survey-status-closed = closed
survey-kind-single = one option
survey-kind-multiple = several options
survey-kind-scale = scale
survey-kind-text = free text
survey-kind-matrix = table (matrix)
survey-responses-count = { $count ->
    [one] { $count } answer
   *[other] { $count } answers
}
survey-public-link = Link for respondents:
survey-results = Results of the survey
survey-answers-csv = Answers (CSV)
survey-answers-xlsx = Answers (XLSX)
survey-close = Stop collecting answers
survey-open = Start collecting answers
survey-locked = The survey has answers: its questions, their kinds, options and scales cannot change; only the wording can be corrected. Every correction is recorded.
survey-settings = Settings
survey-intro = Introduction for respondents
survey-audience = Who the survey is for
survey-identification = Who answers
survey-identification-anonymous = anonymously (recommended)
survey-identification-optional = respondents may give a name and an e-mail with consent
survey-consent = Consent to processing the name and e-mail
survey-closes = Last day to answer
survey-listed = Show the survey on the analysis page while it collects answers
survey-results-public = Publish the results (without free texts)
survey-save = Save the settings
survey-questions = Questions
survey-q-required-short = required
survey-q-save = Save the question
survey-q-remove = Remove the question
survey-no-questions = The survey has no questions yet.
survey-q-new = New question
survey-q-add = Add the question
survey-fixes = Wording corrected after the first answers
survey-fix-change = "{ $before }" → "{ $after }"
survey-q-kind = Kind of question
survey-q-text = Question
survey-q-help = Help text (optional)
survey-q-required = An answer is required
survey-q-options = Options (columns of a table)
survey-q-options-help = One option per line; 2 to 30 options.
survey-q-rows = Rows of a table (tables only)
survey-q-rows-help = One statement per line.
survey-q-scale = Scale (scales only)
survey-q-low = From
survey-q-low-label = meaning of the lowest value
survey-q-high = To
survey-q-high-label = meaning of the highest value
survey-results-of = Results: { $title }
survey-results-none = The survey has no answers yet.
survey-results-filtered = { $counted } of { $all } answers counted (by the filter chosen).
survey-results-count = { $count ->
    [one] The survey has { $count } answer.
   *[other] The survey has { $count } answers.
}
survey-filter = Only respondents who answered
survey-filter-all = – all respondents –
survey-filter-show = Show
survey-answered = Answered: { $count }
survey-mean = mean { $mean }
survey-answer = Answer
survey-statement = Statement
survey-texts-private = Free-text answers are not published: they may contain personal data; the coordinator works with them in summary.
survey-for = The survey is for: { $audience }
survey-closed = The survey no longer collects answers. Thank you for your interest.
survey-closes-on = Answers are collected until { $date }.
survey-identified-note = You answer anonymously; you may give your name and e-mail if you wish.
survey-anonymous-note = You answer anonymously: we ask for no name or e-mail.
survey-required-note = Questions marked "required" need an answer.
survey-required = required
survey-person = Who answers (optional)
survey-person-help = We keep a name and an e-mail only with your consent and never publish them.
survey-submit = Send the answers
survey-thanks-title = Thank you
survey-thanks = We have received your answers to "{ $title }".
survey-error-text = A text is empty, longer than { $max } characters or holds characters that are not allowed.
survey-error-count = A survey needs 1 to { $max_questions } questions.
survey-error-options = Question { $number }: give 2 to { $max_options } different options, one per line.
survey-error-rows = Question { $number }: give 1 to { $max_options } different rows of the table.
survey-error-scale = Question { $number }: a scale has 2 to { $max_steps } whole numbers from its lowest to its highest.
survey-error-required = Question { $number } is required: please choose an answer.
survey-error-not-offered = Question { $number }: this answer is not one of those offered.
survey-error-locked = The survey has answers: only the wording of questions and options can be corrected, not their number, kind or scale.
survey-error-conflict = Someone else changed the survey meanwhile. Reload the page and make the change again.
survey-error-settings = The survey cannot be saved: { $reason }
survey-error-date = Enter the last day as a date (YYYY-MM-DD).
survey-error-shape = Choose the kind of question and, for a scale, whole numbers from and to.
survey-error-consent = A name or an e-mail is kept only with consent: tick the consent, or leave the fields empty.
survey-error-too-many = Many answers came from this connection in the last minutes. Please try again in a while.
survey-error-person = The name or e-mail cannot be saved (check the e-mail address).
survey-col-response = Answer no.
survey-col-at = Received
survey-col-name = Name
survey-col-email = E-mail
survey-sheet = Answers
audit-event-survey-create = survey created
audit-event-survey-edit = survey changed
audit-event-survey-fix = survey wording corrected
audit-event-survey-open = survey opened
audit-event-survey-close = survey closed
audit-entity-survey = survey no. { $id }
analysis-surveys = What people say: surveys
analysis-surveys-none = No public survey runs in the area now.
analysis-survey-answer = Answer the survey
analysis-survey-until = until { $date }

## Analysis chapter
chapter-title = Analysis of the social situation: { $name }
chapter-kind = Analytical part of the community plan
chapter-link = Analysis chapter for the plan
chapter-pdf = Analysis chapter (PDF)
chapter-intro = Souhra assembled this chapter on { $date } from the Czech Statistical Office's population figures and the catalogue of social services; assembled again, it follows the data of that day.
chapter-population = The area has { $municipalities } municipalities and { $total } inhabitants (at { $date }).
chapter-older = { $count65 } inhabitants are aged 65 or older ({ $share65 }), { $count80 } are aged 80 or older ({ $share80 }); age data at { $date }.
chapter-older-region = In the region, { $share } of the inhabitants are aged 65 or older.
chapter-ages-missing = Age data are not loaded, so the shares of older inhabitants are missing.
chapter-supply-line = { $kind } ({ $form }): { $services } services, capacity { $capacity } ({ $type })
chapter-supply-per = , that is { $per } per 1,000 ({ $group })
chapter-supply-region = ; in the region { $region }
chapter-gaps = Where services are missing
chapter-gap-line = { $kind } is missing in { $missing } of { $all } municipalities with { $people } inhabitants (no service area and no facility within { $km } km)
chapter-and-more = and more
chapter-gaps-none = Every kind of service in the catalogue is available in every municipality of the area.
chapter-surveys = What people say
chapter-survey-line = Survey "{ $title }": { $count } answers
chapter-survey-answer = { $question } Most frequent answer: "{ $option }" ({ $share }).
chapter-surveys-none = No survey with answers has been held in the area yet.
planning-insert-analysis = Insert the analysis chapter
planning-insert-analysis-hint = Adds a chapter with the current analysis of the area's social situation (inhabitants, services, gaps, surveys); you can then edit its text.
planning-findings = Findings of the analysis this measure answers
planning-findings-hint = Gaps in the availability of services (facilities within 15 km) and questions of the area's surveys. The gap's page and the survey's results then name the measure.
planning-findings-none = The analysis of the area has found no gap yet and the area has no survey.
planning-finding-gap = gap: { $kind } missing in { $missing } of { $all } municipalities
planning-finding-gap-closed = gap: { $kind } (covered by now)
planning-finding-survey = survey "{ $title }", question { $number }: { $question }
plan-findings = Answers
plan-finding-gap = missing service: { $kind }
plan-finding-survey = survey "{ $title }", question { $number }
analysis-measures = Measures of plans that answer this gap
analysis-measures-none = No measure of a plan in force refers to this gap yet.
survey-measures = Measures of plans that answer the survey
survey-measures-none = No measure of a plan in force refers to this survey yet.
chapter-page-intro = The text of the plan's analytical part, assembled from the current data on inhabitants, services and surveys. The coordinator inserts it into a draft plan with one button and edits it further.

## Region view
region-title = Region by ORP
region-link = Overview of the region by ORP
region-intro = All ORPs of the region side by side: inhabitants, plans in force and the status of their indicators, gaps in the availability of services, and the capacity of a chosen kind of service per 1,000 inhabitants. Plans and measures are shown for ORPs that have their own area in Souhra.
region-kind = Compare the kind of service
region-caption = ORPs of the region; kind compared: { $kind }
region-col-orp = ORP
region-col-plans = Plans in force
region-col-indicators = Indicators of the plans
region-col-gaps = Kinds of service missing in some municipality
region-col-missing = Municipalities without { $kind }
region-col-capacity = Capacity
region-col-per-group = Per 1,000 aged { $from } or older
region-col-per-all = Per 1,000 inhabitants
region-no-plan = none in Souhra
region-map-title = Map of the region's ORPs: { $kind } per 1,000 of its group
region-map-caption = The area of a circle follows the capacity per 1,000 of the group; a small empty circle: the service is missing or unknown in the ORP. The table has the same figures.
region-flagged = Measures of ORPs that need a decision of the region
region-flagged-none = No measure of an ORP plan in force needs a decision of the region yet.
planning-needs-region = The measure needs a decision of the region (funding, the network of services)
plan-needs-region = Decision of the region
plan-needs-region-yes = the measure needs a decision of the region
survey-error-consent-text = If respondents may give a name and an e-mail, add the text of the consent to their processing.
plan-kind-service_network = Network of social services
planning-kind-network_entry = Service of the network
network-title = Network of social services
network-intro = Which social services the area includes in its network and funds, with the capacity the network counts on and the plan measures that justify them.
network-demo-note = Demo installation: the network, amounts and justifications are fictional.
network-year = Year of the network
network-none = The area has no network of social services in force yet.
network-approved = approved by resolution { $resolution } ({ $body })
network-comments = comments and how they were settled
network-counts = Basic network: { $basic }, optional network: { $optional } services.
network-pdf = The network as a PDF for printing
network-csv = Open data of the network (CSV)
network-xlsx = Network table (XLSX)
network-json = Open data of the network (HSDS 3.0, JSON)
network-services = Services in the network
network-caption = Services in the network for { $year }
network-col-service = Service
network-col-type = Type of network
network-col-capacity = Capacity in the network
network-col-planned-total = Planned funding
network-col-actual-total = Actually paid
network-col-why = Why the service is in the network
network-ended = The service has ended.
network-type-basic = basic network
network-type-optional = optional network
network-funding = Funding
network-funding-summary = Planned funding of the network in total { $total }; for { $people } inhabitants of the area that is { $per } per inhabitant.
network-sources-caption = Funding of the { $year } network by source
network-col-source = Source
network-col-per-capita = Per inhabitant
network-parts-caption = Planned funding by ORP
network-parts-hint = A service's money is divided among the municipalities it serves by their number of inhabitants.
plan-inputs = Inputs from ORP plans
plan-used-by = This plan is an input to:
plan-inputs-legend = Plans of the areas within that this plan draws on
network-col-year = Year
network-col-registration = Registration identifier
network-col-provider = Provider
network-col-ico = Company ID (IČO)
network-col-kind = Kind of service
network-col-planned = Planned – { $source }
network-col-actual = Paid – { $source }
network-col-justification = Justification
network-error-type = Choose the type of network: basic or optional.
network-error-capacity = The capacity does not match the service's capacities in the registry.
network-error-capacity-number = The capacity "{ $value }" is not a whole non-negative number.
network-error-ended = The service has ended ({ $since }) and cannot be part of the network.
network-error-ended-undated = The service has ended and cannot be part of the network.
network-error-above = The capacity in the network { $asked } ({ $type }, { $form }) is above the registered capacity { $registered }.
network-error-duplicate = This service is already in the network.
network-error-negative = The amount "{ $value }" is negative; funding cannot be negative.
network-error-source = The funding source "{ $value }" is not known.
network-error-amount = "{ $value }" is not an amount: write whole crowns, e.g. 125000 or 125 000.
network-error-measure = The chosen measure does not exist.
network-admin-year = network for { $year }
network-capacity-legend = Capacity in the network (at most the registered one)
network-registered = Registered capacity: { $count }
network-no-capacity = The registry gives no capacity for this service.
network-planned-legend = Planned funding for { $year }
network-money-hint = Whole crowns; an empty field means no funding from that source.
network-justification = Why the service is in the network (published)
network-measures = Plan measures that justify the service
network-no-measures = Neither the area nor the areas within it have a plan in force with measures yet.
network-paid-title = Actually paid in { $year }
network-paid-hint = Whole crowns by source; saving replaces the earlier figures of that year.
network-paid-save = Save the amounts paid
network-admin-caption = Services in this version of the network; planned funding in total { $total }
network-empty = There is no service in the network yet.
network-add-label = Service of the catalogue
network-add = Add to the network
planning-add-network_entry = Add a service to the network
planning-new-network_entry = Service of the network
