# Souhra – українські тексти інтерфейсу. Кожен ключ має бути також у cs.ftl та en.ftl.

## Загальне
site-name = Souhra
site-tagline = Спільне планування соціальних послуг
page-title = { $page } – Souhra
skip-to-content = Перейти до змісту
nav-main = Головна навігація
nav-areas = Області
nav-about = Про застосунок
nav-language = Мова
breadcrumb = Ви тут
language-name-cs = Čeština
language-name-en = English
language-name-uk = Українська
demo-banner-title = Демонстраційні дані
demo-banner-text = Ця область призначена для ознайомлення із застосунком. Територія та кількість населення справжні, решта вмісту вигадана.
footer-version = Souhra { $version }
footer-data = Дані про територію та населення: Чеське статистичне управління.
footer-about-data = Джерела даних

## Кількості (українська множина: 1 / 2–4 / 5+)
municipality-count = { $count ->
    [one] { $count } громада
    [few] { $count } громади
   *[other] { $count } громад
}
inhabitant-count = { $count ->
    [one] { $count } мешканець
    [few] { $count } мешканці
   *[other] { $count } мешканців
}
as-of-date = станом на { $date }

## Види областей
area-kind-region = край
area-kind-orp = громада з розширеними повноваженнями (ORP)
area-kind-municipalities = громада або об’єднання громад
area-name-region = { $name }
area-name-orp = ORP { $name }
area-name-municipalities = { $name }

## Типи громад
municipality-kind-municipality = громада
municipality-kind-town = місто
municipality-kind-market-town = містечко
municipality-kind-statutory-city = статутне місто
municipality-kind-capital-city = столиця
municipality-kind-military-area = військовий полігон

## Головна сторінка
home-title = Планування соціальних послуг
home-intro = Souhra допомагає громадам, громадам з розширеними повноваженнями та краям планувати соціальні послуги разом із надавачами та громадянами і доносити ці послуги до людей, які їх потребують.
home-areas-title = Області
home-no-areas = Ще не створено жодної області.
home-no-areas-help = Адміністратор створює її командою «souhra area add». Демонстрацію можна запустити командою «souhra demo».

## Сторінка області
area-summary-title = Територія
area-part-of = Область належить до:
area-children-title = Області в краї
area-orps-title = Громади з розширеними повноваженнями в краї
area-municipalities-title = Громади в області
area-municipalities-many = В області { $count ->
    [one] { $count } громада
    [few] { $count } громади
   *[other] { $count } громад
}. Свою громаду знайдете через пошук.
col-name = Назва
col-kind = Тип
col-population = Мешканців
col-postcode = Поштовий індекс
col-orp = ORP
col-municipalities = Громад

## Пошук громади
search-title = Знайдіть свою громаду
search-label = Назва громади або поштовий індекс
search-hint = Достатньо початку назви, можна без діакритики, наприклад «nepomuk» або «335 01».
search-button = Шукати
search-results-title = Громади, що відповідають «{ $query }»
search-no-results = Жодна громада в цій області не відповідає «{ $query }». Спробуйте коротшу частину назви або поштовий індекс.
search-too-long = Запит задовгий. Введіть не більше { $max } символів.

## Сторінка громади
municipality-facts = Основні дані
label-code = Код громади
label-kind = Тип
label-orp = Громада з розширеними повноваженнями
label-pou = Громада з уповноваженим муніципальним управлінням
label-district = Округ
label-region = Край
label-postcodes = Поштові індекси
label-population = Кількість мешканців
label-location = Розташування
map-link = Показати { $name } на карті OpenStreetMap
map-link-note = (відкриває сайт OpenStreetMap)
coordinates = { $lat } пн. ш., { $lon } сх. д.
age-bands-title = Мешканці за віком
age-bands-caption = Мешканці громади { $name } за віком, { $date }
age-bands-missing = Розподіл мешканців за віком для цієї громади поки недоступний.
col-age = Вік
col-count = Кількість
col-share = Частка
age-band-range = { $from }–{ $to } років
age-band-open = { $from } років і більше
municipality-not-current = Цієї громади вже немає в актуальних даних про територію (її скасовано або об’єднано з іншою).
population-missing = Кількість мешканців невідома.

## Про застосунок
about-title = Про застосунок Souhra
about-intro = Souhra — інформаційна система для спільного планування соціальних послуг відповідно до чеського закону № 108/2006 Зб. про соціальні послуги. Громада, громада з розширеними повноваженнями або край картографує в ній соціальну ситуацію, планує послуги разом із надавачами та користувачами і публікує каталог соціальних послуг.
about-status = Ця версія містить територію Чеської Республіки, кількість мешканців громад і класифікатори реєстру надавачів соціальних послуг. Каталог послуг, планування та громадське обговорення з’являться в наступних версіях.
about-data-title = Джерела даних
about-data-territory = Територіальний устрій ЧР (краї, округи, громади з розширеними повноваженнями, уповноважені громади та громади): Чеське статистичне управління, станом на 1.01.2026.
about-data-population = Кількість мешканців громад станом на 1.01.2021: Чеське статистичне управління.
about-data-points = Координати громад: проєкт «GPS souřadnice a PSČ měst (obcí) v ČR» (станом на 1.01.2018, вільне використання); поштові індекси з реєстру RÚIAN.
about-data-codelists = Класифікатори видів соціальних послуг, цільових груп і форм: реєстр надавачів соціальних послуг MPSV (відкриті дані).
about-data-counts = У базі даних { $regions } країв, { $orps } громад з розширеними повноваженнями та { $municipalities ->
    [one] { $municipalities } громада
    [few] { $municipalities } громади
   *[other] { $municipalities } громад
}.
about-kinds-title = Види соціальних послуг
about-kinds-intro = Види послуг згідно із законом № 108/2006 Зб. з кодами, під якими їх веде реєстр MPSV. Коди, позначені як виведені, не були підтверджені разом із назвою в джерелі.
col-paragraph = Параграф
col-category = Категорія
col-forms = Форми
col-registry-id = Код у реєстрі
id-status-confirmed = підтверджено
id-status-inferred = виведено
id-status-unknown = невідомо
kind-category-social_counselling = соціальне консультування
kind-category-social_care = послуги соціального догляду
kind-category-social_prevention = послуги соціальної профілактики
form-residential = стаціонарна
form-outpatient = амбулаторна
form-field = виїзна
about-version = Версія програми { $version }, відбиток даних про територію { $fingerprint }.

## Помилки
error-400-title = Неправильний запит
error-400-text = Ми не розуміємо адресу або дані форми. Перевірте їх і спробуйте ще раз.
error-404-title = Сторінку не знайдено
error-404-text = За цією адресою немає сторінки. Можливо, її перенесено або в адресі помилка.
error-500-title = Щось пішло не так
error-500-text = Вибачте, під час підготовки сторінки сталася помилка. Спробуйте ще раз за хвилину. Якщо проблема не зникне, зверніться до адміністратора та вкажіть код помилки.
error-503-title = Сервіс тимчасово недоступний
error-503-text = База даних зараз не відповідає. Спробуйте ще раз за хвилину.
error-reference = Код помилки: { $id }
error-back-home = Повернутися на головну сторінку
