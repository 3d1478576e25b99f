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
error-403-title = Доступ заборонено
error-403-text = Ви не маєте дозволу на цю сторінку чи дію. Якщо він вам потрібен, зверніться до координатора або адміністратора.
error-404-title = Сторінку не знайдено
error-404-text = За цією адресою немає сторінки. Можливо, її перенесено або в адресі помилка.
error-500-title = Щось пішло не так
error-500-text = Вибачте, під час підготовки сторінки сталася помилка. Спробуйте ще раз за хвилину. Якщо проблема не зникне, зверніться до адміністратора та вкажіть код помилки.
error-503-title = Сервіс тимчасово недоступний
error-503-text = База даних зараз не відповідає. Спробуйте ще раз за хвилину.
error-reference = Код помилки: { $id }
error-back-home = Повернутися на головну сторінку

## Каталог послуг
nav-services = Знайти допомогу
nav-list = Мій список
footer-accessibility = Заява про доступність
area-find-help = Знайти допомогу
situations-title = Що ви зараз вирішуєте?
situation-pecuji-o-blizkeho = Я доглядаю за близькою людиною
situation-pecuji-o-blizkeho-hint = Тимчасова заміна догляду, допомога вдома, денні стаціонари.
situation-starnu-doma = Я старію і потребую допомоги вдома
situation-starnu-doma-hint = Догляд удома, особиста асистенція, екстрений виклик.
situation-bydleni-s-peci = Мені потрібне житло з доглядом
situation-bydleni-s-peci-hint = Будинки для літніх людей, будинки з особливим режимом, захищене житло.
situation-mam-dluhy = У мене борги
situation-mam-dluhy-hint = Фахове соціальне консультування та кризова допомога.
situation-bez-domova = Я без житла
situation-bez-domova-hint = Нічліжки, притулки, денні центри, вуличні соціальні працівники.
situation-nasili = Я зазнаю насильства
situation-nasili-hint = Інтервенційні центри, кризова допомога, телефони довіри.
situation-postizeni = У мене інвалідність
situation-postizeni-hint = Особиста асистенція, соціальна реабілітація, захищене житло.
situation-cizinec = Я іноземець
situation-cizinec-hint = Консультації та допомога для іноземців.
situation-rodina = Нашій родині важко
situation-rodina-hint = Підтримка сімей, рання допомога, клуби для дітей і молоді.
situation-krize = Я в кризі
situation-krize-hint = Кризова допомога та кризові телефонні лінії цілодобово.
situation-zavislost = У мене проблема із залежністю
situation-zavislost-hint = Контактні центри, терапевтичні спільноти, подальший догляд.
services-title = Соціальні послуги
services-too-long = Текст пошуку задовгий (не більше { $max } символів).
services-bad-page = Номер сторінки має бути цілим числом від 1 до { $max }.
services-too-many = Вибрано забагато значень одного фільтра (не більше { $max }).
services-search-label = Що ви шукаєте?
services-search-hint = Наприклад, догляд удома, борги, літні люди (чеською).
services-place-label = Де?
services-place-hint = Населений пункт, де потрібна допомога.
services-search-button = Шукати
services-place-unknown = Населений пункт «{ $place }» на цій території не знайдено. Перевірте назву або залиште поле порожнім.
services-place-several = Назву «{ $place }» має кілька населених пунктів. Виберіть один:
filters-title = Уточнити
filters-order = Порядок і час
filters-order-relevance = Найкращий збіг
filters-order-distance = Найближчі до населеного пункту
filters-order-needs-place = Для сортування за відстанню вкажіть населений пункт.
filters-open-now = Лише ті, що зараз відкриті
facet-kind = Вид послуги
facet-target = Для кого
facet-form = Форма
facet-age = Вік
filters-apply = Застосувати
services-found = { $count ->
    [one] Знайдено { $count } послугу
    [few] Знайдено { $count } послуги
   *[other] Знайдено { $count } послуг
}
services-serving = для { $place }
services-showing = Показано { $first }–{ $last } з { $count }.
services-relaxed = Жодна послуга не містить усіх слів, тому показано ті, що містять хоча б деякі.
map-show = Показати на мапі
map-hide = Сховати мапу
map-label = Мапа знайдених послуг
map-label-service = Мапа: { $name }
map-fallback = Мапа не завантажилася. Адреси є у списку.
map-open-osm = Відкрити місце на OpenStreetMap
services-none = Нічого не знайдено. Спробуйте менше слів, інше слово або зніміть деякі фільтри.
pagination = Сторінки результатів
pagination-prev = Попередня
pagination-next = Наступна
pagination-page = Сторінка { $number }
verified-on = Перевірено { $date }
verified-never = Дані ще не перевірено
verified-level-fresh = перевірено протягом останніх шести місяців
verified-level-aging = перевірено понад пів року тому
verified-level-stale = перевірено понад рік тому
verified-level-never = не перевірено
card-provider = Надавач
address-hidden = Адреса не публікується ({ $municipality })
card-more-places = { $count ->
    [one] і ще { $count } місце
    [few] і ще { $count } місця
   *[other] і ще { $count } місць
}
card-distance = { $distance } від вибраного населеного пункту
demo-tag = Приклад
service-ended = Ця послуга більше не надається.
service-suspended = Надання цієї послуги призупинено.
action-print = Друкувати
action-add-to-list = Додати до мого списку
action-in-list = У вашому списку – показати список
action-report = Повідомити про помилку в даних
service-description = Опис
service-for-whom = Для кого
service-target-groups = Цільові групи
service-age-groups = Вік
service-area = Діє в
unit-municipality = громада { $name }
unit-orp = ORP { $name }
unit-district = округ { $name }
unit-region = { $name }
service-where = Де
service-no-places = Місце надання послуги не вказано.
service-forms = Форми, місткість і години роботи
service-capacity = Місткість
service-continuous = Надається цілодобово.
service-hours = Години роботи: { $form }
col-day = День
col-hours = Час
weekday-1 = понеділок
weekday-2 = вівторок
weekday-3 = середа
weekday-4 = четвер
weekday-5 = п’ятниця
weekday-6 = субота
weekday-7 = неділя
service-fees = Оплата
service-contacts = Контакти
label-phone = Телефон
label-email = Ел. пошта
label-web = Вебсайт
label-registration = Реєстраційний ідентифікатор
label-provided-from = Надається з
report-title = Повідомити про помилку
report-intro = Знайшли неправильні або застарілі дані послуги «{ $name }»? Напишіть, що не так. Координатор перевірить це в надавача.
report-message = Що не так?
report-message-hint = Щонайменше { $min } і щонайбільше { $max } символів.
report-contact = Ваша ел. пошта або телефон (необов’язково)
report-contact-hint = Лише якщо хочете отримати відповідь. Ми його ніде не публікуємо.
report-honeypot = Не заповнюйте це поле
report-send = Надіслати
report-privacy = Повідомлення читає лише координатор каталогу. Контакт використаємо лише для відповіді.
report-expired = Термін дії форми минув або її надіслано не з цієї сторінки. Надішліть її, будь ласка, ще раз.
report-contact-too-long = Контакт задовгий (не більше 200 символів).
report-message-length = Опишіть помилку від 10 до 2 000 символів.
report-too-many = З вашого з’єднання надійшло багато повідомлень за короткий час. Спробуйте, будь ласка, за десять хвилин.
report-thanks-title = Дякуємо
report-thanks-text = Ми отримали ваше повідомлення. Координатор його перевірить і виправить дані.
report-back = Назад до послуги { $name }
provider-kind = Надавач соціальних послуг
label-ico = Ідентифікаційний номер (IČO)
label-legal-form = Правова форма
label-seat = Місцезнаходження
provider-services = { $count ->
    [one] { $count } послуга
    [few] { $count } послуги
   *[other] { $count } послуг
}
provider-ended = { $count ->
    [one] Ще { $count } послуга більше не надається.
    [few] Ще { $count } послуги більше не надаються.
   *[other] Ще { $count } послуг більше не надаються.
}
list-title = Мій список
list-intro = Послуги, які ви вибрали (не більше { $max }). Список зберігається в адресі сторінки: її можна надіслати, додати в закладки або надрукувати. Обліковий запис не потрібен.
list-missing = { $count ->
    [one] { $count } послуги зі списку вже немає в каталозі.
   *[other] { $count } послуг зі списку вже немає в каталозі.
}
list-share = Адреса списку:
list-remove = Вилучити зі списку: { $name }
list-empty = Список порожній. Додайте послугу кнопкою «Додати до мого списку» на її сторінці.
list-find = Знайти послуги
a11y-title = Заява про доступність
a11y-intro = Ми хочемо, щоб каталогом соціальних послуг міг користуватися кожен – на телефоні, лише з клавіатурою або з програмою зчитування екрана.
a11y-status-title = Стан відповідності
a11y-status = Сайт розроблено відповідно до WCAG 2.1 рівня AA (EN 301 549) і чеського закону № 99/2019. Він відповідає вимогам за винятками, наведеними нижче.
a11y-how-title = Як користуватися сайтом
a11y-how-keyboard = Усе працює з клавіатури: Tab переходить між посиланнями й полями, перше посилання веде одразу до змісту.
a11y-how-nojs = Пошук, фільтри, сторінки й «Мій список» працюють без JavaScript.
a11y-how-zoom = Текст можна збільшити до 200 %, сторінки пристосовуються до ширини телефона.
a11y-how-print = Сторінки послуг, результати й мій список друкуються без елементів керування.
a11y-how-languages = Інтерфейс чеською, англійською та українською. Дані про послуги – чеською, як їх подають надавачі.
a11y-limits-title = Відомі обмеження
a11y-limit-map = Мапа недоступна для програм зчитування екрана; ті самі дані (адреси й відстані) завжди є і в списку.
a11y-limit-data = Описи послуг пишуть надавачі; ми не можемо зробити їх простішими.
a11y-check-title = Як ми перевіряли
a11y-check = Кожну версію ({ $version }) автоматично перевіряє axe-core на всіх типах сторінок трьома мовами, на комп’ютері й телефоні; керування з клавіатури перевіряється вручну.
a11y-feedback-title = Зворотний зв’язок
a11y-feedback = Натрапили на перешкоду? Напишіть координаторові каталогу в установу, яка веде цей сайт; відповімо протягом 30 днів.
municipality-services = Послуги для { $name }
municipality-services-intro = { $count ->
    [one] Громаді служить { $count } послуга. Найближчі:
    [few] Громаді служать { $count } послуги. Найближчі:
   *[other] Громаді служать { $count } послуг. Найближчі:
}
municipality-services-all = Усі послуги для { $name } ({ $count })
municipality-services-none = Для цієї громади поки не відомо жодної послуги.
doc-cover-kicker = Каталог соціальних послуг
doc-brochure-title = Каталог соціальних послуг – { $area }
doc-edition = Видання від
doc-contents = Зміст
doc-how-title = Як користуватися каталогом
doc-how-intro = Каталог містить соціальні послуги, які допомагають людям у громадах цієї території: послуги з місцем надання на території та послуги, які приїжджають до людей. Усі послуги в каталозі зареєстровані або їх додав координатор планування.
doc-how-by-target-group = Розділи впорядковано за тим, кому послуги допомагають (цільові групи). Кожну послугу повністю описано в розділі її першої цільової групи; інші розділи посилаються на неї номером і сторінкою.
doc-how-by-kind = Розділи впорядковано за видами соціальних послуг у порядку закону про соціальні послуги.
doc-how-by-municipality = Розділи впорядковано за громадою, де послуга має місце надання. Послуги, які приїжджають до людей з інших місць, наведено в останньому розділі.
doc-how-block = Для кожної послуги вказано її номер, вид, надавача, форму, місця, контакти, години роботи та кому вона допомагає. QR-код відкриває сторінку послуги з повними й актуальними даними. Адреси деяких закладів (наприклад, притулків) за законом не публікуються; вказано лише громаду.
doc-how-indexes = Наприкінці каталогу є покажчик надавачів, покажчик громад із номерами послуг, які в них допомагають, і контакт координатора планування соціальних послуг.
doc-online = Актуальний каталог в інтернеті:
doc-no-services = У каталозі цієї території поки немає жодної послуги.
doc-chapter-other = Інші послуги
doc-chapter-area-wide = Послуги з місцем надання поза територією
doc-number-short = №
doc-page-short = с.
doc-provider = Надавач
doc-forms = Форма
doc-places = Місця
doc-phone = Телефон
doc-email = Ел. пошта
doc-web = Вебсайт
doc-target-groups = Для кого
doc-hours = Години роботи
doc-nonstop = цілодобово
doc-weekday-1 = пн
doc-weekday-2 = вт
doc-weekday-3 = ср
doc-weekday-4 = чт
doc-weekday-5 = пт
doc-weekday-6 = сб
doc-weekday-7 = нд
doc-more-places = { $count ->
    [one] і ще { $count } місце (на вебсайті)
    [few] і ще { $count } місця (на вебсайті)
   *[other] і ще { $count } місць (на вебсайті)
}
doc-suspended = Надання послуги призупинено.
doc-ended = Послуга більше не надається.
doc-qr-alt = QR-код із посиланням на сторінку послуги:
doc-qr-caption = більше на вебсайті
doc-also-here = Інші послуги для цієї групи
doc-providers-title = Покажчик надавачів
doc-municipalities-title = Покажчик громад
doc-municipalities-note = Для кожної громади наведено номери послуг, які мають у ній місце надання або приїжджають туди.
doc-none = поки жодної послуги
doc-coordinator-title = Координатор планування соціальних послуг
doc-coordinator-missing = Контакт координатора поки не вказано. Зверніться до соціального відділу місцевого уряду.
doc-demo = Демонстраційні дані: територія та кількість населення справжні, послуги й надавачі вигадані.
doc-source = Дані з реєстру надавачів соціальних послуг (MPSV) і від надавачів станом на { $date }. Створено в застосунку Souhra.
doc-list-title = Мій список послуг
doc-download-title = Друкований каталог
doc-download-intro = Усі послуги території в одному документі для друку. Створюється заново після кожної зміни каталогу.
doc-download-a4 = Завантажити каталог (PDF, A4)
doc-download-a5 = Завантажити брошуру (PDF, A5)
doc-card-pdf = Картка послуги (PDF)
doc-list-pdf = Список у PDF

## Accounts and the administration

nav-admin = Адміністрування
footer-admin = Для координаторів і надавачів: вхід
login-title = Вхід
login-intro = Вхід призначений для координаторів планування, надавачів соціальних послуг, членів робочих груп і депутатів. Громадськість користується каталогом без облікового запису.
login-email = Електронна пошта
login-password = Пароль
login-submit = Увійти
login-forgot = Забули пароль?
login-who = Обліковий запис створює координатор планування або адміністратор запрошенням електронною поштою.
login-password-set = Пароль встановлено. Увійдіть з ним.
login-signed-out = Ви вийшли з системи.
login-failed = Електронна пошта або пароль не збігаються.
login-too-many = З вашого підключення надійшло забагато спроб. Спробуйте, будь ласка, за кілька хвилин.
login-locked = { $minutes ->
    [one] Обліковий запис тимчасово заблоковано після повторних невдалих спроб. Спробуйте знову через { $minutes } хвилину.
    [few] Обліковий запис тимчасово заблоковано після повторних невдалих спроб. Спробуйте знову через { $minutes } хвилини.
   *[other] Обліковий запис тимчасово заблоковано після повторних невдалих спроб. Спробуйте знову через { $minutes } хвилин.
}
form-expired = Термін дії форми минув. Надішліть її, будь ласка, ще раз.
logout-submit = Вийти
forgot-title = Забутий пароль
forgot-intro = Введіть електронну пошту, з якою ви входите. Ми надішлемо на неї посилання для встановлення нового пароля.
forgot-submit = Надіслати посилання
forgot-sent = Якщо для цієї адреси існує обліковий запис, ми надіслали на неї посилання для встановлення нового пароля.
forgot-back = Назад до входу
invitation-title = Прийняття запрошення
invitation-intro = Ласкаво просимо до Souhra. Оберіть пароль для облікового запису { $email }; ім'я можна виправити.
invitation-name = Ім'я та прізвище
reset-title = Новий пароль
reset-intro = Оберіть новий пароль для облікового запису { $email }. Усі поточні входи завершаться.
password-new = Новий пароль
password-hint = Щонайменше { $min } символів. Речення з кількох слів легко запам'ятати.
password-again = Пароль ще раз
password-submit = Зберегти пароль
password-name-invalid = Заповніть, будь ласка, ім'я (не більше 120 символів).
password-length = Пароль повинен мати щонайменше { $min } символів (не більше 200).
password-mismatch = Паролі не збігаються.
link-expired-title = Посилання вже недійсне
link-expired-text = Посилання вже використано або термін його дії минув. Можна попросити нове або звернутися до того, хто вас запросив.
admin-title = Адміністрування
admin-signed-in-as = Ви увійшли як { $name } ({ $email })
admin-installation = Ви адміністратор усієї інсталяції.
admin-areas = Ваші території
admin-no-areas = Ви поки не маєте ролі в жодній території.
admin-users-title = Користувачі
admin-users-caption = Користувачі з роллю в території { $area }
admin-user-name = Ім'я
admin-user-roles = Ролі
admin-user-role = Роль
admin-user-inactive = неактивний
admin-no-users = У цій території поки ніхто не має ролі.
admin-invite-title = Запросити користувача
admin-invite-intro = Запрошена особа отримає лист із посиланням для встановлення пароля. Хто вже має обліковий запис, отримає роль одразу.
admin-invite-ico = IČO надавача
admin-invite-ico-hint = Лише для ролі редактора надавача: організація, послуги якої він вестиме.
admin-invite-submit = Надіслати запрошення
admin-invited = Запрошення для { $email } надіслано.
admin-invite-email = Введіть, будь ласка, дійсну адресу електронної пошти.
admin-invite-name = Заповніть, будь ласка, ім'я (не більше 120 символів).
admin-invite-ico-invalid = Редактору надавача потрібен дійсний IČO організації; інші ролі його не мають.
role-administrator = адміністратор
role-coordinator = координатор
role-group-member = член робочої групи
role-provider-editor = редактор надавача
role-read-only = лише читання
mail-reset-subject = Souhra: встановлення нового пароля
mail-reset-body =
    Добрий день,

    хтось (можливо, ви) попросив новий пароль до вашого облікового запису в Souhra. Встановити його можна за цією адресою:

    { $link }

    Посилання дійсне { $hours } год і лише один раз. Якщо ви не просили новий пароль, видаліть цей лист; ваш пароль залишається без змін.

    Souhra
mail-invitation-subject = Souhra: запрошення до території { $area }
mail-invitation-body =
    Добрий день,

    { $inviter } запрошує вас до Souhra, інформаційної системи спільного планування соціальних послуг, у ролі { $role } для території { $area }.

    Пароль встановите за цією адресою:

    { $link }

    Посилання дійсне { $days } днів і лише один раз.

    Souhra
mail-role-subject = Souhra: нова роль у території { $area }
mail-role-body =
    Добрий день,

    { $inviter } надав(ла) вам у Souhra роль { $role } для території { $area }. Увійдіть як зазвичай:

    { $link }

    Souhra

## Provider self-service, moderation, history, audit

admin-services-title = Послуги
admin-services-list = Перелік послуг
admin-services-caption = Послуги в території { $area }
admin-verified = Перевірено
admin-never-verified = ніколи
admin-verify-submit = Усе досі правильно
admin-verify-hint = Підтверджує, що дані послуги чинні, і зберігає сьогоднішню дату перевірки.
admin-edit-title = Змінити дані
admin-edit-intro-provider = Зміни надсилаються координатору на затвердження; про рішення вам прийде лист. Дані реєстру MPSV, яких тут немає, виправляйте в реєстрі.
admin-edit-intro-moderator = Зміни зберігаються одразу й записуються в історію послуги.
admin-edit-note = Примітка до зміни (необов'язково)
admin-edit-submit-provider = Надіслати на затвердження
admin-edit-submit-moderator = Зберегти зміни
admin-list-hint = Кожен пункт на окремому рядку.
admin-field-invalid = Поле «{ $field }» має недійсне значення. Перевірте довжину, що вебадреса починається з https:// і що e-mail має вигляд imja@domen.cz.
admin-proposed = Зміни надіслано на затвердження.
admin-saved = Зміни збережено.
admin-verified-now = Дані підтверджено як актуальні.
admin-unchanged = Нічого не змінилося.
admin-proposals-title = Ваші пропозиції змін
freshness-title = Актуальність даних
freshness-intro = Дані, які ніхто не підтвердив понад { $months } місяців, позначено як неперевірені; надавачі отримують нагадування.
freshness-caption = Актуальність за надавачами
freshness-services = Послуг
freshness-stale = Неперевірених
freshness-stale-mark = не перевірено
field-name = Назва
field-description = Опис
field-fees = Оплата
field-web = Вебсайт
field-emails = Електронні адреси
field-phones = Телефони
field-verified-at = Дата перевірки
history-title = Історія змін
history-field = Поле
history-before = До
history-after = Після
history-registry-value = (значення з реєстру)
history-someone = невідомий користувач
history-restore = Відновити цю версію
history-restored = Версію відновлено; відновлення записано в історії.
history-empty = Послуга поки не має змін.
change-source-edit = зміна
change-source-moderation = затверджена пропозиція надавача
change-source-restore = відновлення старішої версії
change-source-verification = підтвердження актуальності
proposal-status-open = очікує затвердження
proposal-status-approved = затверджено
proposal-status-rejected = відхилено
queue-title = На затвердження
queue-proposals = Пропозиції змін від надавачів
queue-reports = Повідомлення про помилки від громадськості
queue-note = Примітка
queue-now = Зараз
queue-proposed = Запропоновано
queue-reason = Обґрунтування (обов'язкове при відхиленні)
queue-approve = Затвердити
queue-reject = Відхилити
queue-fixed = Виправлено
queue-not-a-mistake = Не помилка
queue-contact = Контакт
queue-no-proposals = Жодні пропозиції не очікують.
queue-no-reports = Жодні повідомлення не очікують.
audit-title = Журнал дій
audit-who = Користувач (e-mail)
audit-action = Дія
audit-any = усі
audit-action-service = зміни послуг
audit-action-proposal = пропозиції та рішення
audit-action-report = повідомлення про помилки
audit-action-account = облікові записи та запрошення
audit-from = Від
audit-to = До
audit-filter = Фільтрувати
audit-csv = Завантажити як CSV
audit-caption = Найновіші записи (не більше { $limit })
audit-at = Час (UTC)
audit-record = Запис
audit-detail = Подробиці
audit-empty = Жоден запис не відповідає фільтру.
mail-decision-no-reason = без примітки
mail-approved-subject = Souhra: зміни послуги { $service } затверджено
mail-approved-body =
    Добрий день,

    координатор затвердив ваші зміни послуги { $service }. У каталозі вони з'являться за кілька секунд.

    Примітка: { $reason }

    Souhra
mail-rejected-subject = Souhra: зміни послуги { $service } не затверджено
mail-rejected-body =
    Добрий день,

    координатор не затвердив ваші зміни послуги { $service }.

    Обґрунтування: { $reason }

    Souhra
report-field = Якого поля стосується помилка (необов'язково)
report-field-any = не знаю / інше поле
mail-remind-subject = Souhra: перевірте, будь ласка, дані своїх послуг
mail-remind-body =
    Добрий день,

    дані цих послуг у каталозі соціальних послуг ніхто не підтверджував понад { $months } місяців:

    { $services }

    Відкрийте, будь ласка, кожну послугу, перевірте дані й підтвердьте їх кнопкою «Усе досі правильно» або запропонуйте виправлення. Люди, які шукають допомогу, покладаються на каталог.

    Souhra
admin-user-access = Доступ
admin-revoke = Забрати
admin-revoke-label = Забрати роль { $role } у користувача { $name }
admin-deactivate = Заблокувати
admin-activate = Дозволити
admin-deactivate-label = Заблокувати доступ користувача { $name }
admin-activate-label = Знову дозволити доступ користувача { $name }
settings-title = Налаштування території
settings-contact-intro = Робочі контакти координатора планування друкуються наприкінці каталогу. Публікуйте лише контакти установи, не приватні.
settings-contact-office = Установа або відділ
settings-contact-person = Ім'я та посада
settings-contact-address = Адреса
settings-contact-phone = Телефон
settings-contact-email = E-mail
settings-contact-web = Вебсайт
settings-contact-invalid = Контакти не вдалося зберегти: вкажіть щонайменше установу, телефон або e-mail, e-mail у вигляді imja@domen.cz і вебадресу, що починається з https://.
settings-save = Зберегти
settings-situations-intro = Життєві ситуації — це шляхи до каталогу на головній сторінці території. Кожна обирає види послуг і цільові групи.
settings-situations-defaults = Територія поки використовує типові ситуації; перша зміна створить її власний перелік.
settings-situation = Ситуація
settings-kinds = Види послуг
settings-groups = Цільові групи
settings-actions = Зміни
settings-up = Вище
settings-up-label = Пересунути ситуацію { $title } вище
settings-remove-label = Забрати ситуацію { $title }
settings-add-situation = Додати життєву ситуацію
settings-reset-situations = Повернути типові ситуації
settings-situation-title = Назва ситуації
settings-situation-title-hint = Якщо не заповнено: «{ $title }» (у кожній мові інтерфейсу).
situation-edit-title = Життєва ситуація
situation-needs-title = Нова ситуація потребує назви.
situation-invalid = Оберіть щонайменше один вид послуги або цільову групу; назва може мати щонайбільше 100 символів.
installation-title = Адміністрування інсталяції
installation-areas = Території
installation-area-name = Назва
installation-area-slug = Адреса на вебі
installation-area-slug-hint = Малі літери без діакритики, цифри та дефіси, напр. nepomuk. Пізніше її змінити не можна.
installation-area-kind = Вид території
installation-area-municipalities = Громад
installation-area-population = Мешканців
installation-area-demo-short = демо
installation-area-demo = Демонстраційна територія з вигаданим вмістом
installation-area-codes = Код території
installation-area-codes-hint = Край: код краю (напр. 43). ORP: код ORP (напр. 3207). Громади: їхні коди через пробіл або кому (напр. 557846 558141).
installation-no-areas = Інсталяція ще не має жодної території.
installation-area-new = Додати територію
installation-area-edit = Редагувати територію { $name }
installation-area-slug-invalid = Адреса може містити лише малі літери a–z, цифри та одинарні дефіси (не більше 64 символів).
installation-area-slug-reserved = Цю адресу використовує сама програма; виберіть, будь ласка, іншу.
installation-area-slug-taken = Територія з такою адресою вже існує; виберіть, будь ласка, іншу.
installation-area-name-invalid = Заповніть, будь ласка, назву (не більше 120 символів).
installation-area-kind-invalid = Виберіть, будь ласка, вид території.
installation-area-codes-invalid = Код території має неправильний вигляд: край має 2 цифри, ORP 4, громада 6.
installation-area-codes-count = Край і ORP мають рівно один код; для громад вкажіть щонайменше один.
installation-area-codes-unknown = Такого краю, ORP чи громади в даних про територію немає.
installation-labels-title = Назви позицій довідників
installation-labels-intro = Офіційні назви з реєстру надавачів можна для вебу та друкованого каталогу замінити зрозумілішими. Порожнє поле повертає офіційну назву. Відкриті дані завжди використовують офіційні назви.
installation-labels-lists = Довідники
installation-label-official = Офіційна назва
installation-label-shown = Назва для показу
installation-label-hint = Не більше 200 символів. Зміна з’явиться на вебі за кілька секунд.
installation-label-invalid = Назва для «{ $entry }» задовга або містить недопустимі символи (не більше { $max } символів). Нічого не збережено.
installation-audit-link = Журнал дій усієї інсталяції (разом із входами)
codelist-service-kind = Види соціальних послуг
codelist-target-group = Цільові групи
codelist-age-group = Вікові групи
codelist-form = Форми надання
codelist-capacity-type = Види місткості
audit-area = Територія
audit-action-area = налаштування території
audit-action-codelist = довідники
audit-entity-service = послуга № { $id }
audit-event-service-edit = зміна послуги
audit-event-service-moderation = схвалена зміна послуги
audit-event-service-restore = відновлення попередньої версії послуги
audit-event-service-verification = підтвердження актуальності послуги
audit-event-service-registry = зміна даних реєстру під час імпорту
audit-event-proposal-submit = пропозиція зміни
audit-event-proposal-approve = пропозицію схвалено
audit-event-proposal-reject = пропозицію відхилено
audit-event-report-resolve = повідомлення про помилку виправлено
audit-event-report-reject = повідомлення про помилку відхилено
audit-event-account-login = вхід
audit-event-account-login-failed = невдалий вхід
audit-event-account-locked = обліковий запис заблоковано після невдалих входів
audit-event-account-password = встановлення пароля
audit-event-account-invite = запрошення користувача
audit-event-account-revoke = роль відкликано
audit-event-account-activate = доступ дозволено
audit-event-account-deactivate = доступ заблоковано
audit-event-account-remind = нагадування про перевірку
audit-event-area-create = територію створено
audit-event-area-update = територію змінено
audit-event-area-contact = контакт координатора
audit-event-area-situations = життєві ситуації
audit-event-codelist-label = назва позиції довідника
admin-waiting = { $count ->
    [one] чекає { $count } позиція
    [few] чекають { $count } позиції
   *[other] чекає { $count } позицій
}
history-registry-field = { $field } (реєстр)
change-source-registry = нові дані з реєстру MPSV
service-status-active = надається
service-status-suspended = призупинена
service-status-ended = припинена
mail-proposal-subject = Souhra: пропозиція зміни послуги { $service } чекає на схвалення
mail-proposal-body =
    Добрий день,

    { $who } запропонував(ла) зміни послуги { $service } на території { $area }. Пропозиція чекає в черзі:

    { $link }

    Souhra
mail-report-subject = Souhra: нове повідомлення про помилку в послузі { $service }
mail-report-body =
    Добрий день,

    відвідувач каталогу території { $area } повідомив про помилку в даних послуги { $service }. Повідомлення чекає в черзі:

    { $link }

    Souhra
audit-event-plan-create = створення плану
audit-event-plan-edit = зміна плану
audit-event-plan-status = зміна стану плану
audit-event-plan-version = нова версія плану
audit-event-plan-value = виміряне значення показника
audit-entity-plan = план № { $id }
audit-entity-comment = зауваження № { $id }
nav-analysis = Аналіз
nav-plans = Плани
plans-title = Плани соціальних послуг
plans-intro = Громадський план визначає, які соціальні послуги потрібні території і що муніципалітет, надавачі та люди, які користуються послугами, разом для цього зроблять. Плани дій і реалізаційні плани розписують його по роках.
plans-current = Чинні плани
plans-archive = Архів завершених планів
plans-none = Територія ще не оприлюднила жодного чинного плану.
plan-kind-community_plan = Громадський план розвитку соціальних послуг
plan-kind-action_plan = План дій
plan-kind-implementation_plan = Реалізаційний план
plan-kind-balance_report = Підсумковий звіт
plan-status-draft = чернетка
plan-status-in_comment = на громадському обговоренні
plan-status-approved = затверджений
plan-status-in_force = чинний
plan-status-ended = завершений
plan-approved = затверджено: { $body }, постанова { $resolution } від { $date }
plan-version = версія { $number }
plan-contents = Зміст
plan-vision = Бачення
plan-priority = Пріоритет
plan-goal = Мета
plan-measure = Захід
plan-activities = Дії
plan-justification = Обґрунтування
plan-target-groups = Цільові групи
plan-responsible = Відповідає
plan-partners = Партнери
plan-when = Реалізація
plan-outputs = Очікувані результати
plan-services = Пов’язані послуги
plan-budget-caption = Бюджет заходу { $title }
plan-year = Рік
plan-source = Джерело
plan-amount = Сума
plan-total = Разом
plan-total-all = Загальний бюджет плану:
funding-municipality = муніципалітет
funding-region = край
funding-mpsv = дотація MPSV
funding-esf_plus = ЄС – ESF+
funding-user_fees = оплата користувачів
funding-health_insurance = медичне страхування
funding-other = інші джерела
indicator-status-not_started = ще не виміряно
indicator-status-deteriorating = погіршується
indicator-status-off_track = покращується, але повільно
indicator-status-on_track = за планом
indicator-status-achieved = досягнуто
indicator-chart-label = Графік показника { $name } ({ $unit }): початкове значення { $baseline } у { $baseline_year } році, ціль { $target } у { $target_year } році; стан: { $status }.
indicator-values = Значення показника { $name }
indicator-value = Значення
indicator-baseline = початкове
indicator-target = ціль
planning-caption = Плани території { $area }
planning-kind = Вид
planning-period = Період
planning-state = Стан
planning-public = оприлюднена версія
planning-none = Територія ще не має плану.
planning-new = Новий план
planning-topic = Тема або цільова група (для плану дій)
planning-from = З року
planning-to = До року
planning-create = Створити план
planning-period-invalid = Період недійсний: роки від 2000 до 2100, кінець не раніше початку; цей вид плану триває не більше { $max } років.
planning-title-invalid = Заповніть, будь ласка, назву (не більше 500 символів, в одному рядку).
planning-frozen = Ця версія затверджена і більше не змінюється. Зміни починають нову версію.
planning-workflow = Кроки затвердження
planning-approval = Затвердження
planning-resolution = Номер постанови
planning-resolution-date = Дата постанови
planning-body = Хто затвердив (напр. міська рада Непомука)
planning-to-draft = Повернути на доопрацювання
planning-to-in_comment = Оприлюднити для обговорення
planning-to-approved = Записати затвердження
planning-to-in_force = Ввести в дію
planning-to-ended = Завершити дію
planning-new-version = Почати нову версію
planning-markdown-hint = Абзаци розділяйте порожнім рядком; **жирний**, списки з «- » і посилання [текст](https://…) працюють.
planning-kind-chapter = Розділ
planning-kind-priority = Пріоритет
planning-kind-goal = Мета
planning-kind-measure = Захід
planning-kind-activity = Дія
planning-add-under = { $action } до «{ $title }»
planning-add-chapter = Додати розділ
planning-add-priority = Додати пріоритет
planning-add-goal = Додати мету
planning-add-measure = Додати захід
planning-add-activity = Додати дію
planning-empty = План ще не має змісту.
planning-new-chapter = Новий розділ
planning-new-priority = Новий пріоритет
planning-new-goal = Нова мета
planning-new-measure = Новий захід
planning-new-activity = Нова дія
planning-saved-by-other = Тим часом зберіг(ла) хтось інший
planning-your-text = Ваш текст (не збережено)
planning-text = Текст
planning-organization = Відповідальна організація
planning-person = Відповідальна особа
planning-person-hint = Буде оприлюднено. Краще вкажіть посаду (напр. керівник відділу), ніж ім’я.
planning-start = Початок
planning-end = Кінець
planning-remove = Вилучити з плану
planning-refused-title = Зміну не вдалося зберегти
planning-refused = Зміну не можна зберегти: версія вже затверджена, елемент має під собою інші елементи, або дані недійсні.
planning-conflict = Тим часом хтось інший зберіг свою зміну. Нічого не перезаписано: порівняйте обидва тексти і збережіть знову.
planning-approval-invalid = Для затвердження заповніть номер постанови, її дату і хто затвердив план.
planning-back = Назад до плану
planning-date-invalid = Вводьте дату у форматі рік-місяць-день.
planning-dates-reversed = Кінець не може бути раніше початку.
planning-budget = Бюджет
planning-row-title = Рядок
planning-amount-czk = Сума в кронах
planning-budget-hint = Порожня сума вилучає рядок. Цілі крони, напр. 125 000.
planning-save-budget = Зберегти бюджет
planning-budget-row-invalid = Рядок бюджету { $row }: введіть цілу невід’ємну суму в кронах (напр. 125 000) і рік у межах плану. Нічого не збережено.
planning-indicators = Показники
planning-measured = Виміряно
planning-record-value = Записати значення
planning-record-value-for = Записати значення показника { $name }
planning-new-indicator = Новий показник
planning-indicator-name = Що вимірюється
planning-indicator-unit = Одиниця
planning-direction = Краще, коли
planning-direction-increase = більше
planning-direction-decrease = менше
planning-indicators-hint = Показник з порожньою назвою вилучається. Ціль має бути з кращого боку від початкового значення і не раніше за нього.
planning-save-indicators = Зберегти показники
planning-indicator-row-invalid = Показник { $row }: заповніть одиницю, числа початкового і цільового значення та їхні роки; ціль має бути з кращого боку від початкового значення і не раніше за нього. Нічого не збережено.
planning-value-invalid = Введіть рік (2000–2100) і число, напр. 12,5.
plan-measures = Заходи
plan-number = Номер
plan-xlsx = Завантажити таблицю заходів, дій і бюджету (XLSX)
doc-plan-activities = Дії
doc-plan-amount = Сума
doc-plan-baseline = Початкове
doc-plan-budget = Бюджет
doc-plan-contents = Зміст
doc-plan-goal = Мета
doc-plan-indicator = Показник
doc-plan-indicators = Показники
doc-plan-measure = Захід
doc-plan-measured = Виміряно
doc-plan-priority = Пріоритет
doc-plan-source = Джерело
doc-plan-status = Стан
doc-plan-target = Ціль
doc-plan-total = Разом
doc-plan-total-all = Загальний бюджет плану:
doc-plan-vision = Бачення
doc-plan-year = Рік
doc-plan-number = Номер
doc-plan-planned = Заплановано
doc-plan-spent = Витрачено
doc-plan-paid = Виплачено
doc-plan-item = Дія
doc-plan-priority-total = Пріоритет разом
plan-pdf = Завантажити план у PDF
money-czk = { $amount } Kč
activity-status-done = виконано
activity-status-ongoing = триває
activity-status-postponed = відкладено
activity-status-cancelled = скасовано
yearly-work = Дії { $year } року
yearly-outcomes = Виконання у { $year } році
yearly-summary-plan = Дій: { $activities }. Заплановані кошти: { $planned } крон.
yearly-summary-report = Виконано { $done } з { $activities } дій ({ $percent } %), звітовано { $reported }. Заплановано { $planned } крон, витрачено { $spent } крон.
yearly-no-sources = На { $year } рік територія не має затвердженого чи чинного громадського або планового документа, з якого можна взяти дії.
yearly-sources-hint = Дії та суми беруться із затверджених і чинних планів, що охоплюють { $year } рік. Коли набуде чинності нова версія плану, завантажте їх знову.
yearly-redraw = Завантажити знову з чинних планів
yearly-from-plan = Взято з: { $title } (версія { $number })
yearly-item = Дія
yearly-planned = Заплановано
yearly-status = Стан
yearly-spent = Витрачено
yearly-commentary = Коментар
yearly-not-reported = не звітовано
yearly-choose = – не звітовано –
yearly-measure-itself = захід без окремих дій
yearly-caption = Пріоритет { $number }: { $title } – { $year }
yearly-measure-money = Захід { $number }: { $title } – кошти заходу в році { $money } крон
yearly-priority-total = Пріоритет разом
yearly-indicators = Показники заходу { $number } у { $year } році
yearly-indicator-value = { $value } { $unit } (початкове { $baseline }, ціль { $target } у { $target_year })
yearly-no-value = значення за рік не записане
yearly-record-values = записати виміряні значення
yearly-save = Зберегти виконання
yearly-saved-was = збережено: { $value }
yearly-label-status = Стан: { $item }
yearly-label-spent = Витрачено (крон): { $item }
yearly-label-commentary = Коментар: { $item }
yearly-error-status = виберіть стан (сума чи коментар без стану не зберігаються)
yearly-error-spent = напишіть витрачену суму цілими кронами, напр. 125 000
yearly-error-commentary = коментар може мати щонайбільше 4 000 знаків
yearly-error-row = { $number } { $title }: { $problem }
yearly-error-some = Виконання не збережено: виправте позначені рядки. З форми нічого не збережено.
yearly-conflict = Тим часом виконання зберіг хтось інший. У рядках видно збережений стан і те, що ввели ви; перевірте та збережіть знову.
yearly-plan = План
nav-groups = Групи
groups-title = Робочі групи громадського планування
groups-intro = План готують керівна група та робочі групи. У них засідають представники громад (замовники), надавачів послуг і люди, які користуються послугами, або їхні близькі. Засідання відкриті; протоколи оприлюднює координатор.
groups-caption = Групи території { $area }
groups-name = Назва
groups-kind = Вид групи
groups-members = Члени
groups-next = Наступне засідання
groups-next-meeting = Наступне засідання: { $when }
groups-no-next = Жодне засідання не заплановано.
groups-none = Територія ще не має жодної групи.
groups-none-public = Територія ще не оприлюднила жодної групи.
groups-new = Нова група
groups-description = Чим займається група
groups-create = Створити групу
groups-refused = Не збережено: { $reason }
groups-error-date = Напишіть дату засідання як рік-місяць-день, напр. 2026-03-10.
groups-error-time = Напишіть час як години:хвилини, напр. 14:00.
groups-error-times = Засідання має закінчитися пізніше, ніж почнеться.
groups-error-term-from = Напишіть початок членства як рік-місяць-день.
groups-error-term-to = Напишіть кінець членства як рік-місяць-день.
group-kind-steering = Керівна група
group-kind-working = Робоча група
group-members-caption = Члени групи { $name }
group-no-members = Група ще не має членів.
group-meetings = Засідання
group-no-meetings = Група ще не має жодного засідання.
group-upcoming = Наступні засідання
group-past = Минулі засідання
group-no-past = Жодне засідання ще не відбулося.
group-feed = Календар засідань групи (iCalendar) – додайте його до свого календаря
group-names-hint = Імена членів показуємо лише з їхньої згоди.
triad-commissioner = замовник
triad-provider = надавач
triad-user = користувач або доглядач
member-name = Ім'я та прізвище
member-organization = Організація
member-no-organization = без організації
member-role = Сторона тріади
member-position = Роль у групі (напр. голова)
member-email = Е-пошта для запрошень
member-email-hint = Ніде не оприлюднюється; слугує лише для запрошень.
member-publish-name = Член погоджується з оприлюдненням свого імені
member-name-private = ім'я не оприлюднюється
member-term = Членство
member-term-from = Член від
member-term-to = Член до
member-add = Додати члена
member-remove = Вилучити з групи
member-feed = Особистий календар засідань (надішліть посилання лише цьому членові):
meeting-new = Запланувати засідання
meeting-create = Запланувати
meeting-date = Дата
meeting-from = Початок
meeting-to = Кінець
meeting-place = Місце
meeting-agenda = Порядок денний
meeting-minutes = Протокол
meeting-publish-minutes = Оприлюднити протокол, присутність і матеріали
meeting-minutes-public = протокол оприлюднено
meeting-minutes-not-yet = Протокол ще не оприлюднено.
meeting-cancel = Засідання скасовується
meeting-cancelled = скасовано
meeting-details = Дані про засідання
meeting-invite = Розіслати запрошення
meeting-invite-hint = Запрошення з календарним записом отримає кожен член з е-поштою, чиє членство охоплює день засідання. Після зміни часу чи місця розішліть його знову; календарі його оновлять.
meeting-invited-at = Востаннє розіслано { $at }.
meeting-invited = Надіслано запрошень: { $count }.
meeting-invitations-sent = запрошення надіслано
meeting-invitation-subject = Запрошення: { $group }, { $when }
meeting-invitation-body = Добрий день,
    запрошуємо вас на засідання групи { $group }.
    Коли: { $when }
    Де: { $place }
    Порядок денний:
    { $agenda }
    Додане запрошення внесе засідання до вашого календаря. Усі засідання ваших груп є у вашому календарі за адресою { $feed }
    Сторінка групи: { $link }
meeting-attendance = Присутність
meeting-save-attendance = Зберегти присутність
meeting-present = Присутніх членів: { $count }
presence-unknown = – не записано –
presence-present = присутній
presence-excused = вибачився
presence-absent = відсутній
meeting-actions = Завдання
meeting-actions-caption = Завдання із засідання
meeting-actions-hint = Порожні рядки пропускаються.
meeting-action-task = Завдання
meeting-action-owner = Хто
meeting-action-deadline = Термін
meeting-action-done = Виконано
meeting-action-error = Завдання { $row }: заповніть завдання та виконавця, а термін як рік-місяць-день. Нічого не збережено.
meeting-save-actions = Зберегти завдання
meeting-materials = Матеріали
meeting-no-materials = Поки що жодних матеріалів.
meeting-material-file = Файл
meeting-material-hint = Щонайбільше { $mb } МБ. Громадськість побачить матеріали після оприлюднення протоколу.
meeting-material-upload = Завантажити матеріал
meeting-material-remove = Вилучити
meeting-material-missing = Виберіть файл для завантаження.
meeting-material-too-big = Файл завеликий.
audit-event-group-create = створення групи
audit-event-group-edit = зміна групи або її членів
audit-event-meeting-edit = зміна засідання
audit-entity-group = група № { $id }
import-title = Структура плану з Excel
import-intro = План можна почати в Excel: завантажте шаблон, заповніть пріоритети, цілі, заходи та дії (кожен рядок має свій код і код батьківського елемента) та бюджет на другому аркуші, а потім завантажте файл. Це можливо лише в порожню чернетку; у разі помилки нічого не зберігається, і ви дізнаєтеся рядок і причину.
import-template = Завантажити шаблон (XLSX)
import-file = Заповнений шаблон (XLSX)
import-submit = Завантажити структуру
import-sheet-structure = Структура
import-sheet-budget = Бюджет
import-col-reference = Код
import-col-kind = Вид
import-col-parent = Батьківський код
import-col-title = Назва
import-col-text = Опис
import-col-groups = Цільові групи (через крапку з комою)
import-col-organization = Відповідальна організація
import-col-person = Відповідальна особа чи посада
import-col-partners = Партнери
import-col-start = Початок
import-col-end = Кінець
import-col-outputs = Очікувані результати
import-col-year = Рік
import-col-source = Джерело
import-col-amount = Сума (крон)
import-example-priority = Літні люди можуть якнайдовше жити вдома
import-example-goal = Догляд удома доступний на всій території
import-example-measure = Розширити послугу догляду до малих сіл
import-example-activity = Новий службовий автомобіль
import-example-organization = Місто (приклад)
import-row = Аркуш { $sheet }, рядок { $line }: { $problem }
import-problems = Структуру не завантажено, нічого не збережено. Виправте у файлі ці місця ({ $count }):
import-problem-no-reference = у рядку немає коду
import-problem-duplicate = код { $value } повторюється
import-problem-kind = «{ $value }» не є видом елемента (пріоритет, ціль, захід, дія, розділ)
import-problem-no-title = бракує назви
import-problem-missing-parent = батьківського коду { $value } в аркуші немає
import-problem-wrong-parent = елемент виду { $kind } належить під елемент виду { $value }
import-problem-no-parent-allowed = елемент виду { $kind } не має батьківського елемента
import-problem-cycle = батьківські елементи утворюють коло (елемент сам собі батьківський)
import-problem-date = «{ $value }» не є датою (пишіть рік-місяць-день або день.місяць.рік)
import-problem-reversed = кінець раніше за початок
import-problem-group = цільової групи «{ $value }» немає в довіднику
import-problem-element = коду { $value } немає в аркуші структури
import-problem-year = «{ $value }» не є роком
import-problem-source = «{ $value }» не є джерелом (громада, край, дотація MPSV …)
import-problem-amount = «{ $value }» не є сумою: цілі невід'ємні крони
import-unreadable = Файл не вдається прочитати як шаблон плану ({ $reason }). Використайте завантажений шаблон.
import-refused = Структуру не завантажено: { $reason }
import-too-big = Файл завеликий (щонайбільше 5 МБ).
planning-services = Пов'язані послуги з каталогу
planning-services-hint = Позначені послуги показуються біля заходу з посиланням на каталог.
planning-services-none = Каталог території ще не має жодних послуг.
planning-move-nahoru = вище
planning-move-dolu = нижче
plan-progress = Виконання { $year }:
plan-progress-text = виконано { $done } з { $activities } дій, заплановано { $planned } крон, витрачено { $spent } крон.
plan-progress-report = Звіт про виконання

## Public comment
comments-title = Зауваження
comments-heading = Зауваження до проєкту: { $title }
comment-period-announced = Зауваження можна подавати з { $from } до { $to }.
comment-period-open = Зауваження можна подавати до { $to } (з { $from }).
comment-period-over = Період подання зауважень ({ $from } – { $to }) закінчився.
comment-whole-plan = Подати зауваження до всього плану
comments-count = { $count ->
    [one] { $count } зауваження
    [few] { $count } зауваження
   *[other] { $count } зауважень
}
comments-table-pdf = Таблиця врегулювання зауважень (PDF)
comments-table-xlsx = Таблиця врегулювання зауважень (XLSX)
diff-link = Що змінилося в плані
comments-on-whole = Зауваження до всього плану
comments-text = Текст проєкту та зауваження до його частин
comment-on = Подати зауваження
comments-back-plan = Назад до плану
comment-sent = Дякуємо, зауваження прийнято й опубліковано нижче. Адреси електронної пошти ніколи не публікуються.
comment-public = громадськість
comment-proposal = Запропоноване формулювання
comment-changed = зміна: { $element }
comment-waiting = Очікує на врегулювання.
settlement-accepted = прийнято
settlement-partially_accepted = прийнято частково
settlement-rejected = відхилено
settlement-noted = взято до відома
settlement-none = не врегульовано
comment-form-title = Подати зауваження
comment-element = До якої частини плану
comment-element-whole = весь план
comment-text = Зауваження
comment-text-hint = Напишіть, що б ви змінили і чому. Не більше { $max } знаків.
comment-proposal-hint = Необов’язково: як, на вашу думку, має звучати текст.
comment-who = Хто подає зауваження
comment-signed-as = Ви подаєте як користувач { $name }.
comment-name = Ім’я та прізвище
comment-required = (обов’язково)
comment-email = Електронна пошта
comment-email-hint = Не публікується. Використовується лише для повідомлення про врегулювання, якщо ви про нього попросите.
comment-organization = Організація (необов’язково)
comment-named = Опублікувати моє ім’я біля зауваження (інакше буде вказано «громадськість»)
comment-notify = Надішліть мені лист, коли зауваження буде врегульовано
comment-consent = Я погоджуюся з обробкою даних відповідно до тексту нижче
comment-consent-default = Ім’я, організацію та електронну пошту управління обробляє лише для врегулювання зауважень до цього плану. Електронна пошта не публікується, ім’я — лише за вашою згодою. На запит управління ваші дані видалить; текст зауваження та його врегулювання залишаться як внесок громадськості.
comment-send = Надіслати зауваження
comments-back = Назад до зауважень
comment-error-text = Зауваження має містити від 1 до { $max } знаків без керівних символів.
comment-error-proposal = Запропоноване формулювання може мати не більше { $max } знаків.
comment-error-name-length = Ім’я та організація можуть мати не більше 200 знаків.
comment-error-links = Зауваження може містити не більше { $links } вебпосилань.
comment-error-name = Будь ласка, вкажіть ім’я та прізвище.
comment-error-email-required = Будь ласка, вкажіть електронну пошту.
comment-error-email = Адреса електронної пошти має неправильний формат.
comment-error-notify = Щоб отримати повідомлення про врегулювання, вкажіть електронну пошту.
comment-error-consent = Якщо ви вказуєте ім’я, організацію або пошту, підтвердьте, будь ласка, згоду з обробкою даних.
comment-error-closed = Зауваження до цього плану зараз подати не можна: період подання не триває.
comment-error-element = Вибраної частини в проєкті немає. Виберіть її, будь ласка, ще раз.
comment-error-too-many = З вашого з’єднання за короткий час надійшло багато зауважень. Спробуйте, будь ласка, через десять хвилин.
comment-period-legend = Період подання зауважень
comment-period-hint = Проєкт буде опубліковано для зауважень, і протягом періоду його не можна змінювати. Найкоротший період у території: { $days } днів.
comment-period-from = Перший день
comment-period-to = Останній день
comment-announcement = Оголошення
comment-announcement-hint = Необов’язково: коли й де відбудеться громадське обговорення, до кого звертатися. Можна писати в Markdown.
comments-admin-link = Зауваження та їх врегулювання
comment-go-to = Перейти до зауваження № { $id }
comments-public-page = Публічна сторінка зауважень
comment-periods = Періоди подання зауважень
comment-period-version = Версія
comment-period-dates-col = Період
comment-period-comments = Зауважень
comment-period-unsettled = Не врегульовано
comment-period-close = Завершити період подання зараз
comment-periods-none = План ще не публікувався для зауважень.
comments-of-version = Зауваження до версії { $number }
comment-number = Зауваження № { $id }
comment-erased = персональні дані видалено
comment-hidden = Приховано:
settlement-legend = Врегулювання зауваження № { $id }
settlement-justification-label = Обґрунтування
settlement-change = Змінена частина плану
settlement-no-change = без зміни тексту
settlement-save = Зберегти врегулювання
comment-show = Показати знову
comment-hide-why = Причина приховування
comment-hide = Приховати як неприйнятне
comment-erase = Видалити персональні дані автора
comment-rules = Правила зауважень у території
comment-rules-days = Найкоротший період подання (днів)
comment-rules-identification = Що має вказати громадськість
identification-optional = нічого (ім’я та пошта необов’язкові)
identification-name = ім’я
identification-name_email = ім’я та електронну пошту
comment-rules-consent = Текст згоди з обробкою даних
comment-rules-consent-hint = Порожнє поле використає стандартний текст.
comment-rules-invalid = Найкоротший період має тривати від { $min } до { $max } днів.
settlement-choose = Будь ласка, виберіть, як зауваження врегульовано.
settlement-justification = Врегулювання потребує обґрунтування (не більше 4 000 знаків).
settlement-conflict = Тим часом зауваження врегулював хтось інший. Нижче збережене врегулювання; перевірте його та за потреби збережіть ще раз.
settlement-refused = Цю зміну не можна зберегти: версію вже затверджено або вибраної частини у версії немає.
comment-hide-reason = Будь ласка, вкажіть причину приховування.
comment-period-dates = Вкажіть перший і останній день періоду.
comment-period-reversed = Останній день періоду не може бути раніше першого.
comment-period-short = Період подання має тривати щонайменше { $min } днів.
comment-period-long = Період подання може тривати не більше { $max } днів.
comment-period-past = Період подання не може починатися в минулому.
comment-approval-running = Період подання триває до { $to }. Завершіть його перед затвердженням.
comment-approval-unsettled = { $count ->
    [one] Одне зауваження ще не врегульовано.
   *[other] Ще не врегульовано зауважень: { $count }.
} Затвердити можна лише після врегулювання всіх зауважень.
mail-settled-subject = Ваше зауваження до плану { $plan } врегульовано
mail-settled-body =
    Добрий день,

    ваше зауваження до плану { $plan } ({ $area }) врегульовано: { $status }.

    Обґрунтування: { $justification }

    Ваше зауваження: { $comment }

    Усі зауваження та їх врегулювання: { $link }

    Souhra
mail-comment-period-subject = { $plan }: зауваження до { $to }
mail-comment-period-body =
    Добрий день,

    проєкт плану { $plan } ({ $area }) опубліковано для зауважень з { $from } до { $to }. Зауваження до всього плану та до окремих заходів можна подати тут:

    { $link }

    Souhra
settlement-title = Врегулювання зауважень
settlement-summary = Усього { $total }: прийнято { $accepted }, частково прийнято { $partially_accepted }, відхилено { $rejected }, взято до відома { $noted }, не врегульовано { $none }.
settlement-hidden = Приховано як неприйнятні (у таблиці їх немає): { $count }.
doc-settlement-author = Автор
doc-settlement-comment = Зауваження
doc-settlement-element = Частина плану
doc-settlement-justification = Обґрунтування
doc-settlement-number = №
doc-settlement-proposal = Запропоноване формулювання
doc-settlement-settlement = Врегулювання
diff-title = Зміни в плані
diff-nothing = Поки що нема чого порівнювати: план має лише одну опубліковану редакцію.
diff-from = Старша редакція
diff-to = Новіша редакція
diff-compare = Порівняти
diff-summary = Додано { $added }, вилучено { $removed }, змінено { $changed } частин.
diff-change-added = додано
diff-change-removed = вилучено
diff-change-changed = змінено
diff-was = раніше { $label }
diff-field-title = Назва
diff-field-body = Текст
diff-field-justification = Обґрунтування
diff-field-target_groups = Цільові групи
diff-field-responsible = Відповідальний
diff-field-partners = Партнери
diff-field-when = Строк
diff-field-outputs = Результати
diff-field-budget = Бюджет
diff-added-marker = додано:
diff-removed-marker = вилучено:
diff-back = Назад до плану
diff-side-published = Версія { $number }: редакція, опублікована для зауважень ({ $from } – { $to })
diff-side-version = Версія { $number } ({ $status })
audit-event-comment-rules = зміна правил зауважень
audit-event-comment-period = період подання зауважень
audit-event-comment-settle = врегулювання зауваження
audit-event-comment-hide = приховування або показ зауваження
audit-event-comment-erase = видалення персональних даних автора зауваження
plans-in-comment = Обговорюються

## Analysis of the social situation
analysis-title = Аналіз соціальної ситуації
analysis-title-of = Аналіз соціальної ситуації: { $name }
analysis-intro = Хто живе на території, які соціальні послуги тут є, з якою місткістю, і де їх бракує. Розраховано з даних Чеського статистичного управління про населення та з каталогу послуг (реєстр надавачів MPSV з місцевими доповненнями).
analysis-part = Частина території
analysis-part-show = Показати
analysis-part-whole = уся територія
analysis-part-orp = ORP { $name }
analysis-demo-note = Демонстраційна територія: загальна кількість населення справжня (ЧСУ), вікова структура вигадана і лише показує, як працює сторінка, як і послуги в каталозі.
analysis-demography = Населення
analysis-dates = на дати від { $from } до { $to }
analysis-municipalities = Кількість громад
analysis-without-total = { $count ->
    [one] Для { $count } громади немає кількості населення; вона не входить до суми.
   *[other] Для { $count } громад немає кількості населення; вони не входять до суми.
}
analysis-zero-population = { $count ->
    [one] { $count } громада не має жителів (наприклад, військовий полігон); вона врахована, але нічого не додає на 1 000 жителів.
   *[other] { $count } громад не мають жителів (наприклад, військові полігони); вони враховані, але нічого не додають на 1 000 жителів.
}
analysis-older-caption = Старші жителі { $date } у порівнянні з краєм і Чеською Республікою
analysis-col-region = Край
analysis-col-country = Чеська Республіка
analysis-without-ages = Вікова структура відома для { $with } громад; для { $count } громад вікові дані не завантажено, частки стосуються лише громад із даними.
analysis-age-caption = Вікова структура населення { $date }
analysis-age-chart = Вікова структура населення: { $name }
analysis-ages-missing = Вікові дані не завантажено.
analysis-ages-missing-help = Частки людей віком 65 і 80 років і старше та показники на 1 000 людей цих вікових груп з'являться, коли адміністратор завантажить дані ЧСУ про населення за віком (команда souhra territory load --population).
analysis-municipalities-caption = Населення за громадами
analysis-col-code = Код громади
analysis-col-municipality = Громада
analysis-col-65 = 65 років і старше
analysis-col-80 = 80 років і старше
analysis-unknown = –
analysis-supply = Послуги та їхня місткість
analysis-supply-intro = Місткість послуг за видом, формою і типом місткості, на території та на 1 000 жителів групи, для якої послуга призначена (наприклад, ліжка будинків для літніх людей на 1 000 людей віком 65 років і старше).
analysis-supply-caption = Місткість соціальних послуг: { $name }
analysis-col-kind = Вид послуги
analysis-col-form = Форма
analysis-col-capacity-type = Тип місткості
analysis-col-services = Послуг
analysis-col-capacity = Місткість
analysis-col-group = На
analysis-col-group-size = Людей у групі
analysis-col-per-1000 = На 1 000
analysis-supply-rule = Місткість послуги ділиться між громадами, яким вона служить, пропорційно кількості людей у групі: стаціонарна форма належить громадам своїх закладів, амбулаторна й виїзна — громадам своєї території дії. Так нічого не рахується двічі. Припинені та призупинені послуги не враховуються.
analysis-compare-note = Порівняння з краєм або країною показується лише тоді, коли каталог цієї інсталяції охоплює весь край або всю країну (реєстр завантажується лише для території її областей).
analysis-supply-none = Жодна послуга з зазначеною місткістю не обслуговує територію.
analysis-without-capacity = Послуги без даних про місткість (не враховані в таблиці), за видом:
analysis-coverage = Доступність послуг у громадах
analysis-coverage-intro = Вид послуги доступний у громаді, якщо її охоплює територія дії послуги цього виду або якщо її заклад розташований не далі ніж за { $km } км.
analysis-coverage-caption = Громади, де вид послуги відсутній (заклади до { $km } км)
analysis-col-missing = Громад без послуги
analysis-col-missing-people = Жителів у них
analysis-missing-of = { $missing } з { $all }
analysis-coverage-link = Вибрати вид послуги та відстань
analysis-xlsx = Таблиці аналізу (XLSX)
analysis-group-all = усіх жителів
analysis-group-from = жителів від { $from } років
analysis-sheet-population = Населення
analysis-sheet-supply = Місткість послуг
analysis-coverage-title = Доступність послуг у громадах
analysis-coverage-help = Виберіть вид послуги та відстань, на якій має бути заклад. Мапа й таблиця покажуть громади, де послуги бракує.
analysis-kind-choose = – виберіть вид послуги –
analysis-km = Відстань до закладу (км)
analysis-km-help = ціле число від 1 до { $max }
analysis-coverage-show = Показати доступність
analysis-coverage-of = { $kind }: доступність у громадах (заклади до { $km } км)
analysis-missing-summary = Послуги бракує в { $missing } з { $all } громад.
analysis-map-caption = Заповнене коло: послуга доступна. Порожнє перекреслене коло: послуги бракує. Розмір відповідає кількості жителів. Ті самі дані є в таблиці.
analysis-map-title = Мапа громад: { $kind } бракує в { $missing } з { $all }
analysis-map-available = доступна
analysis-map-missing = бракує
analysis-sort = Упорядкувати за:
analysis-sort-obec = назвою
analysis-sort-obyvatele = кількістю жителів
analysis-sort-dostupnost = доступністю
analysis-sort-vzdalenost = відстанню до закладу
analysis-col-available = Доступна
analysis-col-by-area = Послуг, що діють у громаді
analysis-col-nearest = Найближчий заклад (км)
analysis-col-nearest-service = Найближча послуга
analysis-yes = так
analysis-no = ні
analysis-csv = Таблиця доступності (CSV)
analysis-coverage-xlsx = Таблиця доступності (XLSX)
analysis-km-invalid = Відстань «{ $value }» не можна використати: введіть ціле число від 1 до { $max } км.
analysis-kind-invalid = Вид послуги «{ $value }» невідомий: виберіть його зі списку.

## Needs surveys
surveys-title = Опитування потреб
surveys-intro = Анкети для громадян, користувачів послуг і надавачів: відповіді анонімні, якщо опитування не дозволяє вказати ім'я та e-mail зі згодою. Щойно надійдуть перші відповіді, питання вже не можна змінювати, лише виправляти формулювання.
surveys-caption = Опитування: { $area }
surveys-name = Назва опитування
surveys-status = Стан
surveys-responses = Відповідей
surveys-closes = Триває до
surveys-none = Поки що жодного опитування.
surveys-new = Нове опитування
surveys-create = Створити опитування
survey-status-draft = готується
survey-status-open = збирає відповіді
survey-status-closed = завершено
survey-kind-single = один варіант
survey-kind-multiple = кілька варіантів
survey-kind-scale = шкала
survey-kind-text = вільний текст
survey-kind-matrix = таблиця (матриця)
survey-responses-count = { $count ->
    [one] { $count } відповідь
    [few] { $count } відповіді
   *[other] { $count } відповідей
}
survey-public-link = Посилання для респондентів:
survey-results = Результати опитування
survey-answers-csv = Відповіді (CSV)
survey-answers-xlsx = Відповіді (XLSX)
survey-close = Завершити збір відповідей
survey-open = Розпочати збір відповідей
survey-locked = Опитування вже має відповіді: питання, їхній вид, варіанти та шкали змінювати не можна, лише виправити формулювання. Кожне виправлення записується.
survey-settings = Налаштування
survey-intro = Вступ для респондентів
survey-audience = Для кого опитування
survey-identification = Хто відповідає
survey-identification-anonymous = анонімно (рекомендовано)
survey-identification-optional = респондент може вказати ім'я та e-mail зі згодою
survey-consent = Текст згоди на обробку імені та e-mail
survey-closes = Останній день збору відповідей
survey-listed = Показувати опитування на сторінці аналізу, поки воно збирає відповіді
survey-results-public = Оприлюднити результати (без вільних текстів)
survey-save = Зберегти налаштування
survey-questions = Питання
survey-q-required-short = обов'язкове
survey-q-save = Зберегти питання
survey-q-remove = Вилучити питання
survey-no-questions = Опитування поки що не має питань.
survey-q-new = Нове питання
survey-q-add = Додати питання
survey-fixes = Виправлення формулювань після перших відповідей
survey-fix-change = «{ $before }» → «{ $after }»
survey-q-kind = Вид питання
survey-q-text = Питання
survey-q-help = Підказка (необов'язково)
survey-q-required = Відповідь обов'язкова
survey-q-options = Варіанти відповіді (у таблиці — стовпці)
survey-q-options-help = Кожен варіант з нового рядка; від 2 до 30 варіантів.
survey-q-rows = Рядки таблиці (лише для таблиці)
survey-q-rows-help = Кожне твердження з нового рядка.
survey-q-scale = Шкала (лише для шкали)
survey-q-low = Від
survey-q-low-label = значення найнижчої оцінки
survey-q-high = До
survey-q-high-label = значення найвищої оцінки
survey-results-of = Результати: { $title }
survey-results-none = Опитування поки що не має відповідей.
survey-results-filtered = Враховано { $counted } з { $all } відповідей (за вибраним фільтром).
survey-results-count = { $count ->
    [one] Опитування має { $count } відповідь.
    [few] Опитування має { $count } відповіді.
   *[other] Опитування має { $count } відповідей.
}
survey-filter = Лише респонденти, які відповіли
survey-filter-all = – усі респонденти –
survey-filter-show = Показати
survey-answered = Відповіли: { $count }
survey-mean = середнє { $mean }
survey-answer = Відповідь
survey-statement = Твердження
survey-texts-private = Вільні відповіді не оприлюднюються: вони можуть містити персональні дані; координатор працює з ними узагальнено.
survey-for = Опитування призначене для: { $audience }
survey-closed = Опитування вже не збирає відповіді. Дякуємо за зацікавленість.
survey-closes-on = Відповіді збираємо до { $date }.
survey-identified-note = Ви відповідаєте анонімно; за бажанням можете вказати ім'я та e-mail.
survey-anonymous-note = Ви відповідаєте анонімно: ми не питаємо ім'я чи e-mail.
survey-required-note = На питання з позначкою «обов'язкове» потрібно відповісти.
survey-required = обов'язкове
survey-person = Хто відповідає (необов'язково)
survey-person-help = Ім'я та e-mail зберігаємо лише за вашою згодою і ніде не оприлюднюємо.
survey-submit = Надіслати відповіді
survey-thanks-title = Дякуємо
survey-thanks = Ваші відповіді на опитування «{ $title }» отримано.
survey-error-text = Текст порожній, довший за { $max } символів або містить недозволені символи.
survey-error-count = Опитування потребує від 1 до { $max_questions } питань.
survey-error-options = Питання { $number }: вкажіть від 2 до { $max_options } різних варіантів, кожен з нового рядка.
survey-error-rows = Питання { $number }: вкажіть від 1 до { $max_options } різних рядків таблиці.
survey-error-scale = Питання { $number }: шкала має від 2 до { $max_steps } цілих чисел від найнижчого до найвищого.
survey-error-required = Питання { $number } обов'язкове: виберіть, будь ласка, відповідь.
survey-error-not-offered = Питання { $number }: такої відповіді серед запропонованих немає.
survey-error-locked = Опитування вже має відповіді: можна виправити лише формулювання питань і варіантів, а не їхню кількість, вид чи шкалу.
survey-error-conflict = Тим часом опитування змінив хтось інший. Перезавантажте сторінку та повторіть зміну.
survey-error-settings = Опитування не можна зберегти: { $reason }
survey-error-date = Введіть останній день як дату (РРРР-ММ-ДД).
survey-error-shape = Виберіть вид питання, а для шкали введіть цілі числа від і до.
survey-error-consent = Ім'я чи e-mail зберігаємо лише за згодою: позначте згоду або залиште поля порожніми.
survey-error-too-many = З цього з'єднання за останні хвилини надійшло багато відповідей. Спробуйте, будь ласка, трохи згодом.
survey-error-person = Ім'я чи e-mail не можна зберегти (перевірте адресу e-mail).
survey-col-response = Відповідь №
survey-col-at = Отримано
survey-col-name = Ім'я
survey-col-email = E-mail
survey-sheet = Відповіді
audit-event-survey-create = створення опитування
audit-event-survey-edit = зміна опитування
audit-event-survey-fix = виправлення формулювань опитування
audit-event-survey-open = початок опитування
audit-event-survey-close = завершення опитування
audit-entity-survey = опитування № { $id }
analysis-surveys = Що кажуть люди: опитування
analysis-surveys-none = Зараз на території не триває жодне публічне опитування.
analysis-survey-answer = Заповнити опитування
analysis-survey-until = до { $date }

## Analysis chapter
chapter-title = Аналіз соціальної ситуації: { $name }
chapter-kind = Аналітична частина громадського плану
chapter-link = Аналітичний розділ для плану
chapter-pdf = Аналітичний розділ (PDF)
chapter-intro = Souhra склала цей розділ { $date } з даних ЧСУ про населення та з каталогу соціальних послуг; під час наступного складання цифри відповідатимуть актуальним даним.
chapter-population = Територія має { $municipalities } громад і { $total } жителів (станом на { $date }).
chapter-older = Віком 65 років і старше — { $count65 } жителів ({ $share65 }), віком 80 років і старше — { $count80 } ({ $share80 }); вікові дані станом на { $date }.
chapter-older-region = У краї віком 65 років і старше { $share } жителів.
chapter-ages-missing = Вікові дані не завантажено, тому частки старших жителів відсутні.
chapter-supply-line = { $kind } ({ $form }): { $services } послуг, місткість { $capacity } ({ $type })
chapter-supply-per = , тобто { $per } на 1 000 ({ $group })
chapter-supply-region = ; у краї { $region }
chapter-gaps = Де послуг бракує
chapter-gap-line = { $kind } бракує в { $missing } з { $all } громад, де живе { $people } жителів (немає території дії і закладу до { $km } км)
chapter-and-more = та інші
chapter-gaps-none = Кожен вид послуги з каталогу доступний у всіх громадах території.
chapter-surveys = Що кажуть люди
chapter-survey-line = Опитування «{ $title }»: { $count } відповідей
chapter-survey-answer = { $question } Найчастіша відповідь: «{ $option }» ({ $share }).
chapter-surveys-none = На території ще не було опитування з відповідями.
planning-insert-analysis = Вставити аналітичний розділ
planning-insert-analysis-hint = Додає розділ з актуальним аналізом соціальної ситуації території (населення, послуги, прогалини, опитування); текст потім можна редагувати.
planning-findings = На які висновки аналізу відповідає захід
planning-findings-hint = Прогалини в доступності послуг (заклади до 15 км) і питання опитувань території. Сторінка прогалини та результати опитування потім назвуть цей захід.
planning-findings-none = Аналіз території поки не знайшов прогалин, і територія не має опитувань.
planning-finding-gap = прогалина: { $kind } бракує в { $missing } з { $all } громад
planning-finding-gap-closed = прогалина: { $kind } (уже покрита)
planning-finding-survey = опитування «{ $title }», питання { $number }: { $question }
plan-findings = Відповідає на
plan-finding-gap = відсутня послуга: { $kind }
plan-finding-survey = опитування «{ $title }», питання { $number }
analysis-measures = Заходи планів, що відповідають на цю прогалину
analysis-measures-none = Жоден захід чинного плану поки не посилається на цю прогалину.
survey-measures = Заходи планів, що відповідають на опитування
survey-measures-none = Жоден захід чинного плану поки не посилається на це опитування.
chapter-page-intro = Текст аналітичної частини плану, складений з актуальних даних про населення, послуги та опитування. Координатор вставляє його в проєкт плану однією кнопкою і далі редагує.

## Region view
region-title = Край за ORP
region-link = Огляд краю за адміністративними округами ORP
region-intro = Усі адміністративні округи ORP краю поруч: населення, чинні плани та стан їхніх показників, прогалини в доступності послуг і місткість вибраного виду послуги на 1 000 жителів. Плани й заходи показано для ORP, які мають свою область у Souhra.
region-kind = Порівняти вид послуги
region-caption = Округи ORP краю; вид для порівняння: { $kind }
region-col-orp = ORP
region-col-plans = Чинні плани
region-col-indicators = Показники планів
region-col-gaps = Видів послуг, яких бракує в якійсь громаді
region-col-missing = Громад без послуги { $kind }
region-col-capacity = Місткість
region-col-per-group = На 1 000 жителів від { $from } років
region-col-per-all = На 1 000 жителів
region-no-plan = немає в Souhra
region-map-title = Мапа ORP краю: { $kind } на 1 000 жителів групи
region-map-caption = Площа кола відповідає місткості на 1 000 жителів групи; мале порожнє коло: послуги в ORP немає або вона невідома. Ті самі дані є в таблиці.
region-flagged = Заходи ORP, що потребують рішення краю
region-flagged-none = Жоден захід чинного плану ORP поки не потребує рішення краю.
planning-needs-region = Захід потребує рішення краю (фінансування, мережа послуг)
plan-needs-region = Рішення краю
plan-needs-region-yes = захід потребує рішення краю
survey-error-consent-text = Якщо респонденти можуть вказати ім'я та e-mail, додайте текст згоди на їх обробку.
plan-kind-service_network = Мережа соціальних послуг
planning-kind-network_entry = Послуга мережі
network-title = Мережа соціальних послуг
network-intro = Які соціальні послуги територія включає до своєї мережі та фінансує, з місткістю, на яку мережа розраховує, і заходами планів, що це обґрунтовують.
network-demo-note = Демонстраційна інсталяція: мережа, суми та обґрунтування вигадані.
network-year = Рік мережі
network-none = Територія ще не має чинної мережі соціальних послуг.
network-approved = затверджено постановою { $resolution } ({ $body })
network-comments = зауваження та їх урегулювання
network-counts = Базова мережа: { $basic }, додаткова мережа: { $optional } послуг.
network-pdf = Мережа у форматі PDF для друку
network-csv = Відкриті дані мережі (CSV)
network-xlsx = Таблиця мережі (XLSX)
network-json = Відкриті дані мережі (HSDS 3.0, JSON)
network-services = Послуги в мережі
network-caption = Послуги в мережі на { $year } рік
network-col-service = Послуга
network-col-type = Тип мережі
network-col-capacity = Місткість у мережі
network-col-planned-total = Планове фінансування
network-col-actual-total = Фактично виплачено
network-col-why = Чому послуга в мережі
network-ended = Послугу припинено.
network-type-basic = базова мережа
network-type-optional = додаткова мережа
network-funding = Фінансування
network-funding-summary = Планове фінансування мережі загалом { $total }; на { $people } мешканців території це { $per } на мешканця.
network-sources-caption = Фінансування мережі { $year } за джерелами
network-col-source = Джерело
network-col-per-capita = На мешканця
network-parts-caption = Планове фінансування за ORP
network-parts-hint = Кошти послуги розподіляються між громадами, яким вона служить, за кількістю їх мешканців.
plan-inputs = Вхідні дані з планів ORP
plan-used-by = Цей план є вхідними даними для:
plan-inputs-legend = Плани територій усередині, на які спирається цей план
network-col-year = Рік
network-col-registration = Ідентифікатор реєстрації
network-col-provider = Надавач
network-col-ico = IČO
network-col-kind = Вид послуги
network-col-planned = План – { $source }
network-col-actual = Виплачено – { $source }
network-col-justification = Обґрунтування
network-error-type = Виберіть тип мережі: базова або додаткова.
network-error-capacity = Місткість не відповідає місткостям послуги в реєстрі.
network-error-capacity-number = Місткість «{ $value }» не є цілим невід’ємним числом.
network-error-ended = Послугу припинено ({ $since }), її не можна включити до мережі.
network-error-ended-undated = Послугу припинено, її не можна включити до мережі.
network-error-above = Місткість у мережі { $asked } ({ $type }, { $form }) перевищує зареєстровану місткість { $registered }.
network-error-duplicate = Ця послуга вже є в мережі.
network-error-negative = Сума «{ $value }» від’ємна; фінансування не може бути від’ємним.
network-error-source = Джерело фінансування «{ $value }» невідоме.
network-error-amount = «{ $value }» не є сумою: пишіть цілі крони, напр. 125000 або 125 000.
network-error-measure = Вибраний захід не існує.
network-admin-year = мережа на { $year } рік
network-capacity-legend = Місткість у мережі (не більше зареєстрованої)
network-registered = Зареєстрована місткість: { $count }
network-no-capacity = Реєстр не вказує місткість цієї послуги.
network-planned-legend = Планове фінансування на { $year } рік
network-money-hint = Цілі крони; порожнє поле означає без фінансування з цього джерела.
network-justification = Чому послуга в мережі (оприлюднюється)
network-measures = Заходи планів, що обґрунтовують послугу
network-no-measures = Ні територія, ні території всередині ще не мають чинного плану із заходами.
network-paid-title = Фактично виплачено в { $year } році
network-paid-hint = Цілі крони за джерелами; збереження замінює попередні дані цього року.
network-paid-save = Зберегти виплачені суми
network-admin-caption = Послуги в цій версії мережі; планове фінансування загалом { $total }
network-empty = У мережі ще немає жодної послуги.
network-add-label = Послуга каталогу
network-add = Включити до мережі
planning-add-network_entry = Включити послугу до мережі
planning-new-network_entry = Послуга мережі
