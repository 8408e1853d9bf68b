"""A Tkinter app that builds its window and forgets root.mainloop(): it ends at once."""

import tkinter as tk

root = tk.Tk()
root.title("Gone")
tk.Label(root, text="You will never see me").pack()
