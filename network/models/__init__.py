"""The network's tables, one module per topic."""

from network.models.accounts import User, UserManager
from network.models.messaging import MESSAGE_MAX_LENGTH, Block, Message, MessageReport, Participant, Thread
from network.models.opportunities import Opportunity
from network.models.organisations import Membership, Organisation
from network.models.profiles import SPOKEN_LANGUAGES, Profile
from network.models.taxonomy import HelpType, OrganisationKind, Sector

__all__ = [
    "MESSAGE_MAX_LENGTH",
    "SPOKEN_LANGUAGES",
    "Block",
    "HelpType",
    "Membership",
    "Message",
    "MessageReport",
    "Opportunity",
    "Organisation",
    "OrganisationKind",
    "Participant",
    "Profile",
    "Sector",
    "Thread",
    "User",
    "UserManager",
]
