"""A pygame loop whose space-bar handler has a bug: an exception the first time space is pressed."""

import pygame

pygame.init()
screen = pygame.display.set_mode((200, 150))
shots = []
running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_SPACE:
            shots.append(shots[-1] + 1)  # IndexError: nothing fired yet
    screen.fill((0, 0, 0))
    pygame.display.update()
pygame.quit()
