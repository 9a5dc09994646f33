"""The events' demo: the Brussels colloquium and the Oujda meeting of business-support professionals."""
