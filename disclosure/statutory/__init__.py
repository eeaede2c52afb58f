"""What the Regulation and the State Council's formats fix, independent of any app: the layout of
the annual report's statutory tables (tables.py). The application register fills them with its
statistics, the annual reports print and check them; neither owns them."""
