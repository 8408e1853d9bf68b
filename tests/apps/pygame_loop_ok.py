"""A pygame game loop: a square moved by the arrow keys and recoloured by a click, the usual shape."""

import sys

import pygame


def main():
    pygame.init()
    screen = pygame.display.set_mode((320, 240))
    pygame.display.set_caption("Square")
    clock = pygame.time.Clock()
    x, y, colour = 160, 120, (200, 40, 40)
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT or (event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE):
                pygame.quit()
                sys.exit()
            if event.type == pygame.KEYDOWN:
                x += {pygame.K_LEFT: -10, pygame.K_RIGHT: 10}.get(event.key, 0)
                y += {pygame.K_UP: -10, pygame.K_DOWN: 10}.get(event.key, 0)
                print("key", pygame.key.name(event.key), flush=True)
            if event.type == pygame.MOUSEBUTTONDOWN:
                colour = (40, 200, 40)
                print("click", event.pos, flush=True)
        screen.fill((20, 20, 60))
        pygame.draw.rect(screen, colour, (x - 20, y - 20, 40, 40))
        pygame.display.flip()
        clock.tick(60)


if __name__ == "__main__":
    main()
