"""A Tkinter app that fails while building its window: a misspelt widget option."""

import tkinter as tk

root = tk.Tk()
root.title("Broken")
tk.Label(root, txt="Hello").pack()
root.mainloop()
