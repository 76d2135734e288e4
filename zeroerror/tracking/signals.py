from django.dispatch import Signal

# Sent (after commit) once per tracked item that tick marks overdue; kwargs: item.
# The 差错 module turns it into a proposed error lead naming item.clause_id and item.owner.
item_overdue = Signal()
