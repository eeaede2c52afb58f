"""What goes live and comes down: revision invariant, guards, 撤稿, 强制发布, public API."""
