"""A Tkinter app with a menu bar whose Help > About opens a message box, and a list to pick from."""

import tkinter as tk
from tkinter import messagebox

root = tk.Tk()
root.title("Fruit")
menubar = tk.Menu(root)
help_menu = tk.Menu(menubar, tearoff=0)
help_menu.add_command(label="About", command=lambda: messagebox.showinfo("About Fruit", "Fruit 1.0"))
menubar.add_cascade(label="Help", menu=help_menu)
file_menu = tk.Menu(menubar, tearoff=0)
file_menu.add_command(label="Exit", command=root.destroy)
menubar.add_cascade(label="File", menu=file_menu)
root.config(menu=menubar)
fruit = tk.Listbox(root)
for name in ("apple", "pear", "plum"):
    fruit.insert("end", name)
fruit.pack()
fruit.bind("<Double-Button-1>", lambda event: print("double", fruit.curselection(), flush=True))
chosen = tk.Label(root, text="")
chosen.pack()
fruit.bind("<<ListboxSelect>>", lambda event: chosen.config(text=fruit.get(fruit.curselection()[0])))
root.mainloop()
