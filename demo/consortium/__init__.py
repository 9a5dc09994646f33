"""The consortium's demo: three calls, their applications and reviews, and the accompaniment of the selected."""
