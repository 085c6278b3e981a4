// The SQL behind VoiceStore's surveys and standards (store/voice_store.hpp): answers and ratings
// under random ids, who answered or rated kept apart (migration 008).
#include <stdexcept>

#include "model/text.hpp"
#include "store/sql_util.hpp"
#include "store/sql_voice.hpp"

namespace hearth::store {

using model::storable_text;

bool SqlVoice::add_survey_response(std::int64_t user_id, const SurveyResponse& given) {
  long long user = user_id;
  std::string survey = storable_text(given.survey), la = storable_text(given.la),
              on = storable_text(given.on), answers = storable_text(given.answers),
              id = sql::random_hex(16);
  sql::WriteTx tx(sql_, driver_);
  long long n = 0;
  sql_ << "SELECT COUNT(*) FROM survey_takers WHERE survey = :s AND user_id = :u",
      soci::use(survey), soci::use(user), soci::into(n);
  if (n > 0) return false;
  sql_ << "INSERT INTO survey_takers (survey, user_id) VALUES (:s, :u)", soci::use(survey),
      soci::use(user);
  sql_ << "INSERT INTO survey_responses (id, survey, la, answered_on, answers) VALUES (:id, :s, "
          ":la, :on, :a)",
      soci::use(id), soci::use(survey), soci::use(la), soci::use(on), soci::use(answers);
  tx.commit();
  return true;
}

bool SqlVoice::has_answered(std::string_view survey_view, std::int64_t user_id) {
  long long user = user_id, n = 0;
  std::string survey(survey_view);
  sql_ << "SELECT COUNT(*) FROM survey_takers WHERE survey = :s AND user_id = :u",
      soci::use(survey), soci::use(user), soci::into(n);
  return n > 0;
}

std::vector<SurveyResponse> SqlVoice::survey_responses(std::string_view la_view) {
  std::string la(la_view);
  std::vector<SurveyResponse> out;
  soci::rowset<soci::row> rs =
      (sql_.prepare << "SELECT survey, la, answered_on, answers FROM survey_responses WHERE la = "
                       ":la ORDER BY survey, answered_on, id",
       soci::use(la));
  for (const soci::row& r : rs)
    out.push_back({r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
                   r.get<std::string>(3)});
  return out;
}

void SqlVoice::add_standards_rating(std::int64_t user_id, const StandardsRating& given) {
  long long user = user_id;
  std::string la = storable_text(given.la), team = storable_text(given.team),
              on = storable_text(given.on), scores = storable_text(given.scores),
              id = sql::random_hex(16);
  sql::WriteTx tx(sql_, driver_);
  sql_ << "DELETE FROM standards_raters WHERE user_id = :u", soci::use(user);
  sql_ << "INSERT INTO standards_raters (user_id, rated_on) VALUES (:u, :on)", soci::use(user),
      soci::use(on);
  sql_ << "INSERT INTO standards_ratings (id, la, team, rated_on, scores) VALUES (:id, :la, :t, "
          ":on, :s)",
      soci::use(id), soci::use(la), soci::use(team), soci::use(on), soci::use(scores);
  tx.commit();
}

std::string SqlVoice::last_rated(std::int64_t user_id) {
  long long user = user_id;
  std::string on;
  soci::indicator ind = soci::i_null;
  sql_ << "SELECT rated_on FROM standards_raters WHERE user_id = :u", soci::use(user),
      soci::into(on, ind);
  return sql_.got_data() && ind == soci::i_ok ? on : std::string();
}

std::vector<StandardsRating> SqlVoice::standards_ratings(std::string_view la_view) {
  std::string la(la_view);
  std::vector<StandardsRating> out;
  soci::rowset<soci::row> rs =
      (sql_.prepare << "SELECT la, team, rated_on, scores FROM standards_ratings WHERE la = :la "
                       "ORDER BY team, rated_on, id",
       soci::use(la));
  for (const soci::row& r : rs)
    out.push_back({r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
                   r.get<std::string>(3)});
  return out;
}

}  // namespace hearth::store
