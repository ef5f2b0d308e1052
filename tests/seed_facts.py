"""What the Q&A seed page says, as the issue pins it: one place for tests at every level."""

from __future__ import annotations

#: The eight questions of the Q&A seed (examples/the-frame/pages/gold-medal-kyungjin-song.txt),
#: in page order.
QA_QUESTIONS = [
    "What motivated you to produce Gold Medal?",
    "Did any particular work inspire or reference this film?",
    "What does the relationship between parent and child represent in this film?",
    "What did you focus on when directing the Taekwondo scenes?",
    "Do you have any memorable or funny stories from the shoot?",
    "What message would you like to convey to the audience through Gold Medal?",
    "What kinds of films would you like to make in the future?",
    "What type of films do you want to create in the future?",
]
