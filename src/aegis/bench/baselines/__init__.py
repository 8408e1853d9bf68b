"""Other designs built on the same loop, for comparison in `aegis bench --pipeline NAME`.

seed.py        the seed's pipeline: whole-file prompts, a 3-second alive gate, up to 5 rewrites
"""
