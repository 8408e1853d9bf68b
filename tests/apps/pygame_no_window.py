"""A pygame program that runs its loop but never calls pygame.display.set_mode: nothing to see."""

import time

import pygame

pygame.init()
while True:
    pygame.event.pump()
    time.sleep(0.01)
