"""The network's views, one module per topic; network/urls.py maps them."""
