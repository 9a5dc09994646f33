# Django's Arabic formats have no date-time formats (they fall back to the US "N j, Y, P") and no digit
# grouping. These complete them the way Moroccan administrations write them: day month year, 24-hour clock.
DATETIME_FORMAT = "j F Y، H:i"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
TIME_FORMAT = "H:i"
NUMBER_GROUPING = 3
FIRST_DAY_OF_WEEK = 1  # Monday
