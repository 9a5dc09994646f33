"""The autumn school's demo: two editions, their courses (one module of ``courses`` each) and the cast."""
