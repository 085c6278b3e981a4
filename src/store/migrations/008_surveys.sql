-- survey answers and professional-standards ratings, kept apart from who gave them
-- Anonymous by design (docs/voice.md, "Surveys"): a response row holds the survey, the council,
-- the day (never the time) and the answers, under a random id; who has answered (so nobody
-- answers twice) is a separate table with nothing that links to the answers. Standards ratings
-- likewise keep only the team rated, the day and the scores; raters, when they last rated.
CREATE TABLE survey_responses (
  id TEXT PRIMARY KEY,
  survey TEXT NOT NULL,
  la TEXT NOT NULL,
  answered_on TEXT NOT NULL,
  answers TEXT NOT NULL
);
CREATE INDEX survey_responses_survey ON survey_responses (la, survey);
CREATE TABLE survey_takers (
  survey TEXT NOT NULL,
  user_id BIGINT NOT NULL,
  PRIMARY KEY (survey, user_id)
);
CREATE TABLE standards_ratings (
  id TEXT PRIMARY KEY,
  la TEXT NOT NULL,
  team TEXT NOT NULL,
  rated_on TEXT NOT NULL,
  scores TEXT NOT NULL
);
CREATE INDEX standards_ratings_team ON standards_ratings (la, team);
CREATE TABLE standards_raters (
  user_id BIGINT PRIMARY KEY,
  rated_on TEXT NOT NULL
)
