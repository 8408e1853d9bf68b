"""A pygame app that fails before its loop: it loads an image that is not there."""

import pygame

pygame.init()
screen = pygame.display.set_mode((200, 150))
player = pygame.image.load("aegis_no_such_player.png")
while True:
    pygame.event.get()
    screen.blit(player, (0, 0))
    pygame.display.flip()
