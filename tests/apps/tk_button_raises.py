"""A Tkinter app whose button handler has a bug: dividing by the count, which starts at zero."""

import tkinter as tk

root = tk.Tk()
root.title("Average")
total, count = 10, 0
result = tk.Label(root, text="?")
result.pack()


def average():
    result.config(text=str(total / count))


tk.Button(root, text="Average", command=average).pack()
root.mainloop()
