"""The working-day calendar (工作日) that statutory clocks count in: the application register's
reply periods and moderation's publication deadlines. `calendar.py` counts; `CalendarDay` holds
the administrators' corrections and the years the holiday package does not know yet."""
