"""The probe's pygame side: works inside the display and event calls the app's own loop makes.

session.py   install(): wraps display.flip/update and event.get/poll/pump/wait; screenshots, synthetic input

Imports pygame, the standard library and aegis.probe only; runs inside the app's child process.
"""
