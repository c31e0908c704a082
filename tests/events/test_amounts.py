"""Reported figures in text: amounts of money, their currency and value, and the period their
sentence gives. Plain functions: the detector needs no database."""

import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from events.linking.amounts import FoundAmount, find_amounts

D = datetime.date
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not here")


def one(body: str, *, on: datetime.date | None = None) -> FoundAmount:
    found = find_amounts(body, published_on=on)
    assert len(found) == 1, found
    amount = found[0]
    assert body[amount.start : amount.end] == amount.text
    return amount


def period(amount: FoundAmount) -> tuple[datetime.date, datetime.date]:
    return amount.period_start, amount.period_end


# --- The figures editors file most ---------------------------------------------------------


def test_a_month_range_without_a_year_takes_the_year_of_publication():
    body = (
        "In January-October, trade between the two countries reached a record $36.5 billion, "
        "up 11% on the same period a year earlier."
    )
    amount = one(body, on=D(2024, 11, 20))
    assert amount.text == "$36.5 billion"
    assert amount.value == Decimal("36500000000")
    assert amount.unit == "USD"
    assert period(amount) == (D(2024, 1, 1), D(2024, 10, 31))
    assert amount.period_text == "In January-October"
    assert amount.year_inferred is True
    assert (amount.sentence_start, amount.sentence_end) == (0, len(body))


def test_a_month_range_not_over_by_publication_is_last_years():
    amount = one("In January-October, trade reached $36.5 billion.", on=D(2024, 1, 15))
    assert period(amount) == (D(2023, 1, 1), D(2023, 10, 31))
    assert amount.year_inferred is True


def test_a_period_ending_on_the_day_of_publication_is_this_years():
    amount = one("In the first quarter, trade reached $5 bn.", on=D(2024, 3, 31))
    assert period(amount) == (D(2024, 1, 1), D(2024, 3, 31))


def test_a_year_in_the_sentence_is_the_whole_year():
    amount = one("In 2023, trade between Kazakhstan and China rose by 30% to $41 bn.")
    assert (amount.text, amount.value, amount.unit) == ("$41 bn", Decimal("41000000000"), "USD")
    assert period(amount) == (D(2023, 1, 1), D(2023, 12, 31))
    assert amount.period_text == "In 2023"
    assert amount.year_inferred is False


def test_an_amount_without_a_period_is_not_offered():
    body = "Kazakhstan could raise its exports to China by goods worth $1 billion."
    assert find_amounts(body, published_on=D(2024, 1, 1)) == []


def test_russian_month_range_with_its_year():
    amount = one("Товарооборот в январе–октябре 2024 года составил 36,5 млрд долларов.")
    assert amount.text == "36,5 млрд долларов"
    assert (amount.value, amount.unit) == (Decimal("36500000000"), "USD")
    assert period(amount) == (D(2024, 1, 1), D(2024, 10, 31))
    assert amount.period_text == "в январе–октябре 2024 года"
    assert amount.year_inferred is False


def test_yuan_in_the_first_half():
    amount = one("In the first half of 2024 trade reached 120 billion yuan.")
    assert (amount.text, amount.value, amount.unit) == (
        "120 billion yuan",
        Decimal("120000000000"),
        "CNY",
    )
    assert period(amount) == (D(2024, 1, 1), D(2024, 6, 30))
    assert amount.period_text == "In the first half of 2024"


# --- One sentence at a time ----------------------------------------------------------------


def test_a_year_in_another_sentence_is_not_borrowed():
    body = "Trade grew strongly in 2023. Exports reached $5 bn."
    assert find_amounts(body, published_on=D(2024, 5, 1)) == []
    assert find_amounts(body, published_on=None) == []


def test_a_quarter_without_a_year_falls_back_on_publication_not_the_other_sentence():
    body = "The report covers 2023. In the first quarter, exports reached $5 bn."
    amount = one(body, on=D(2024, 5, 1))
    assert period(amount) == (D(2024, 1, 1), D(2024, 3, 31))
    assert amount.year_inferred is True
    assert body[amount.sentence_start : amount.sentence_end].startswith("In the first quarter")


def test_without_a_year_or_a_publication_day_there_is_no_period():
    assert find_amounts("In January-October, trade reached $36.5 bn.", published_on=None) == []


def test_a_year_earlier_in_the_sentence_completes_a_quarter():
    amount = one("In 2024, in the first quarter, trade reached €500m.", on=D(2024, 12, 1))
    assert (amount.value, amount.unit) == (Decimal("500000000"), "EUR")
    assert period(amount) == (D(2024, 1, 1), D(2024, 3, 31))
    assert amount.period_text == "In 2024, in the first quarter"
    assert amount.year_inferred is False


def test_sentences_split_on_full_stops_not_on_decimals_or_abbreviations():
    body = "On Dec. 1 the ministers met. In 2023 trade was $36.5 bn. Investment exceeded $24 bn."
    amount = one(body)
    assert amount.text == "$36.5 bn"
    assert body[amount.sentence_start : amount.sentence_end] == "In 2023 trade was $36.5 bn."


def test_a_line_break_ends_a_sentence():
    body = "Trade in 2023\nExports reached $5 bn"
    assert find_amounts(body, published_on=None) == []


# --- Which period, when there are several --------------------------------------------------


def test_the_nearest_year_before_the_amount_wins():
    amount = one("Between the 2022 talks and the 2023 summit, trade grew to $41 bn.")
    assert period(amount) == (D(2023, 1, 1), D(2023, 12, 31))


def test_a_year_after_the_amount_when_there_is_none_before():
    amount = one("Trade grew to $41 bn, the ministry said of 2023, a record.")
    assert period(amount) == (D(2023, 1, 1), D(2023, 12, 31))


def test_a_period_right_after_an_amount_is_its_own():
    first, second = find_amounts(
        "In 2023 trade reached $41 bn, up from $31 bn in 2022.", published_on=None
    )
    assert (first.text, first.period_start.year) == ("$41 bn", 2023)
    assert (second.text, second.period_start.year) == ("$31 bn", 2022)
    assert second.period_text == "in 2022"


@pytest.mark.parametrize(
    "body",
    [
        "Trade is expected to reach $50 bn by 2030.",
        "Trade reached $41 bn, more than in 2022.",
        "Trade reached $36.5 bn, up on the same period of 2023.",
        "At the end of 2023, Chinese investment stood at $24 bn.",
        "Since 2020, China has invested $12 bn.",
        "Over the past nine months, trade reached $5 bn.",
        "On May 20, 2024, the two sides signed deals worth $2 bn.",
        "The loan of 200 million yuan was agreed on 5 March 2024.",
    ],
)
def test_targets_comparisons_and_dates_are_not_periods(body):
    assert find_amounts(body, published_on=D(2024, 11, 20)) == []


def test_a_date_does_not_stand_for_the_year():
    amount = one("On May 20, 2024, the ministers said trade reached $41 bn in 2023.")
    assert period(amount) == (D(2023, 1, 1), D(2023, 12, 31))


def test_a_period_not_begun_by_publication_is_a_forecast():
    assert find_amounts("Trade will reach $50 bn in 2026.", published_on=D(2024, 6, 1)) == []
    amount = one("Trade will reach $50 bn in 2026.")  # no publication day: taken as written
    assert amount.period_start == D(2026, 1, 1)


# --- Periods -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "start", "end"),
    [
        ("In January–October 2024", D(2024, 1, 1), D(2024, 10, 31)),
        ("In Jan-Oct 2024", D(2024, 1, 1), D(2024, 10, 31)),
        ("From January to October 2024", D(2024, 1, 1), D(2024, 10, 31)),
        ("Between January and June 2023", D(2023, 1, 1), D(2023, 6, 30)),
        ("In March 2024", D(2024, 3, 1), D(2024, 3, 31)),
        ("In Q1 2024", D(2024, 1, 1), D(2024, 3, 31)),
        ("In Q3 2024", D(2024, 7, 1), D(2024, 9, 30)),
        ("In the third quarter of 2023", D(2023, 7, 1), D(2023, 9, 30)),
        ("In Q1-Q3 2024", D(2024, 1, 1), D(2024, 9, 30)),
        ("In H1 2024", D(2024, 1, 1), D(2024, 6, 30)),
        ("In the second half of 2023", D(2023, 7, 1), D(2023, 12, 31)),
        ("In the first nine months of 2024", D(2024, 1, 1), D(2024, 9, 30)),
        ("In 9 months of 2024", D(2024, 1, 1), D(2024, 9, 30)),
        ("In 2021–2023", D(2021, 1, 1), D(2023, 12, 31)),
        ("В 2023 году", D(2023, 1, 1), D(2023, 12, 31)),
        ("За январь-сентябрь 2024 г.", D(2024, 1, 1), D(2024, 9, 30)),
        ("С января по октябрь 2024 года", D(2024, 1, 1), D(2024, 10, 31)),
        ("В первом квартале 2024 года", D(2024, 1, 1), D(2024, 3, 31)),
        ("В III квартале 2024 года", D(2024, 7, 1), D(2024, 9, 30)),
        ("Во втором полугодии 2023 года", D(2023, 7, 1), D(2023, 12, 31)),
        ("За 9 месяцев 2024 года", D(2024, 1, 1), D(2024, 9, 30)),
    ],
)
def test_periods_with_their_year(words, start, end):
    amount = one(f"{words} exports reached $5 bn.")
    assert period(amount) == (start, end)
    assert amount.period_text == words
    assert amount.year_inferred is False


@pytest.mark.parametrize(
    ("words", "start", "end"),
    [
        ("In January-October", D(2024, 1, 1), D(2024, 10, 31)),
        ("In the third quarter", D(2024, 7, 1), D(2024, 9, 30)),
        ("In Q3", D(2024, 7, 1), D(2024, 9, 30)),
        ("In the first half of the year", D(2024, 1, 1), D(2024, 6, 30)),
        ("In the second half", D(2023, 7, 1), D(2023, 12, 31)),
        ("In nine months", D(2024, 1, 1), D(2024, 9, 30)),
        ("В январе–октябре", D(2024, 1, 1), D(2024, 10, 31)),
        ("В первом полугодии", D(2024, 1, 1), D(2024, 6, 30)),
        ("За девять месяцев", D(2024, 1, 1), D(2024, 9, 30)),
    ],
)
def test_periods_without_a_year_take_the_latest_one_over_by_publication(words, start, end):
    amount = one(f"{words} exports reached $5 bn.", on=D(2024, 11, 20))
    assert period(amount) == (start, end)
    assert amount.period_text == words
    assert amount.year_inferred is True


def test_a_single_month_needs_its_year():
    """ "May" and "March" are also verbs, and a month alone is too easily a date."""
    assert find_amounts("In March exports reached $5 bn.", published_on=D(2024, 11, 20)) == []


# --- Amounts -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "value", "unit"),
    [
        ("$36.5 billion", "36500000000", "USD"),
        ("US$1.2 bn", "1200000000", "USD"),
        ("USD 3.5 billion", "3500000000", "USD"),
        ("$1,200 million", "1200000000", "USD"),
        ("$1,250,000", "1250000", "USD"),
        ("$500k", "500000", "USD"),
        ("$2 m", "2000000", "USD"),
        ("$41 млрд", "41000000000", "USD"),
        ("15.5 bln USD", "15500000000", "USD"),
        ("5 billion US dollars", "5000000000", "USD"),
        ("1,5 млрд долл. США", "1500000000", "USD"),
        ("41 000 долларов", "41000", "USD"),
        ("41\u00a0000 долларов", "41000", "USD"),
        ("RMB 120bn", "120000000000", "CNY"),
        ("¥12 bn", "12000000000", "CNY"),
        ("5 млрд юаней", "5000000000", "CNY"),
        ("€2.4 m", "2400000", "EUR"),
        ("300 млн евро", "300000000", "EUR"),
        ("1.2 trillion roubles", "1200000000000", "RUB"),
        ("2,3 трлн рублей", "2300000000000", "RUB"),
        ("100 тыс. руб.", "100000", "RUB"),
        ("1.5 trillion tenge", "1500000000000", "KZT"),
        ("41 000 млн тенге", "41000000000", "KZT"),
        ("5.2 trillion soums", "5200000000000", "UZS"),
        ("1 200 000 000 сумов", "1200000000", "UZS"),
        ("3.4 billion soms", "3400000000", "KGS"),
        ("120 million somoni", "120000000", "TJS"),
        ("900 million manat", "900000000", "TMT"),
    ],
)
def test_amounts_in_full_units(words, value, unit):
    body = f"In 2023 trade reached {words} in all."
    amount = one(body)
    assert amount.text == words
    assert amount.value == Decimal(value)
    assert amount.unit == unit


def test_a_full_stop_after_a_scale_is_not_part_of_the_amount():
    amount = one("В 2023 году товарооборот достиг $41 млрд. Инвестиции превысили $24 млрд.")
    assert amount.text == "$41 млрд"
    assert amount.period_text == "В 2023 году"


@pytest.mark.parametrize(
    "body",
    [
        "In 2023 trade grew by 30%.",
        "In 2023 the 5,000th truck crossed the border.",
        "In 2023 the project employed 2,000 people and cost 50 million.",
        "In 2023 Kazakhstan exported 5 m tonnes of grain.",
        "In 2023 investment was $30-40 bn.",
    ],
)
def test_percentages_counts_and_bare_numbers_are_not_amounts(body):
    assert find_amounts(body, published_on=None) == []


def test_several_currencies_in_one_sentence():
    found = find_amounts(
        "In 2023 trade reached 1.5 trillion tenge (about $3.3 billion).", published_on=None
    )
    assert [(a.unit, a.value) for a in found] == [
        ("KZT", Decimal("1500000000000")),
        ("USD", Decimal("3300000000")),
    ]
    assert all(a.period_start == D(2023, 1, 1) for a in found)


def test_offsets_point_into_the_body():
    body = "Intro line.\n\nIn Q3 2024, exports reached US$1.2 bn. Later, more."
    amount = one(body)
    assert body[amount.start : amount.end] == "US$1.2 bn"
    assert body[amount.sentence_start : amount.sentence_end] == (
        "In Q3 2024, exports reached US$1.2 bn."
    )


# --- Real sources --------------------------------------------------------------------------


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


@needs_seeds
def test_the_january_october_figure_of_a_seed():
    # The Chengdu ministers' meeting of 1 December, reported with the next one due in 2025:
    # published at the start of December 2024.
    body = seed("002")
    [amount] = find_amounts(body, published_on=D(2024, 12, 2))
    assert body[amount.start : amount.end] == amount.text == "$36.5 billion"
    assert (amount.value, amount.unit) == (Decimal("36500000000"), "USD")
    assert period(amount) == (D(2024, 1, 1), D(2024, 10, 31))
    assert amount.period_text == "In January-October"
    assert amount.year_inferred is True
    sentence = body[amount.sentence_start : amount.sentence_end]
    assert sentence.startswith(amount.period_text) and amount.text in sentence


@needs_seeds
def test_the_2023_figure_of_a_seed_and_not_the_ones_without_a_period():
    # Wang Yi's visit of 20 May, reporting the full year 2023: published in May 2024.
    body = seed("004")
    [amount] = find_amounts(body, published_on=D(2024, 5, 21))  # $24 bn and $7 bn: no period
    assert body[amount.start : amount.end] == amount.text == "$41 bn"
    assert (amount.value, amount.unit) == (Decimal("41000000000"), "USD")
    assert period(amount) == (D(2023, 1, 1), D(2023, 12, 31))
    assert amount.period_text == "In 2023"
    assert amount.year_inferred is False


@needs_seeds
def test_a_seed_offering_an_amount_without_a_period_offers_nothing():
    assert find_amounts(seed("001"), published_on=D(2022, 1, 25)) == []
