// Two datasets hold the same thing, table by table, field by field, with the same indices: for the
// tests of the saved dataset (tests/unit/synth/dataset_codec_test.cpp,
// tests/integration/store_saved_snapshot_test.cpp).
#pragma once

#include <gtest/gtest.h>

#include "model/dataset.hpp"

namespace hearth::testing {

template <class T>
void expect_same_rows(const model::PerChild<T>& a, const model::PerChild<T>& b, const char* what) {
  ASSERT_EQ(a.offsets, b.offsets) << what;
  ASSERT_EQ(a.rows.size(), b.rows.size()) << what;
  for (std::size_t i = 0; i < a.rows.size(); ++i) ASSERT_EQ(*a.rows[i], *b.rows[i]) << what;
}

inline void expect_same_dataset(const model::Dataset& a, const model::Dataset& b) {
  ASSERT_EQ(a.children.size(), b.children.size());
  EXPECT_TRUE(a.children == b.children);
  const auto &ea = a.episodes, &eb = b.episodes;
  EXPECT_TRUE(ea.child == eb.child && ea.decom == eb.decom && ea.dec == eb.dec &&
              ea.rne == eb.rne && ea.ls == eb.ls && ea.cin == eb.cin && ea.place == eb.place &&
              ea.place_provider == eb.place_provider && ea.rec == eb.rec &&
              ea.reason_place_change == eb.reason_place_change && ea.home_post == eb.home_post &&
              ea.pl_post == eb.pl_post && ea.urn == eb.urn);
  EXPECT_TRUE(a.reviews.child == b.reviews.child && a.reviews.review == b.reviews.review &&
              a.reviews.review_code == b.reviews.review_code);
  EXPECT_TRUE(a.periods == b.periods);
  EXPECT_TRUE(a.missing == b.missing);
  EXPECT_TRUE(a.sw_episodes == b.sw_episodes);
  EXPECT_TRUE(a.uasc == b.uasc);
  EXPECT_TRUE(a.oc2 == b.oc2);
  EXPECT_TRUE(a.oc3 == b.oc3);
  EXPECT_TRUE(a.ad1 == b.ad1);
  EXPECT_TRUE(a.placed_adoption == b.placed_adoption);
  EXPECT_TRUE(a.prev_perm == b.prev_perm);
  EXPECT_TRUE(a.dolo == b.dolo);
  ASSERT_EQ(a.strings.size(), b.strings.size());
  for (std::uint32_t i = 0; i < a.strings.size(); ++i)
    ASSERT_EQ(a.strings.get(i), b.strings.get(i)) << "string " << i;
  EXPECT_EQ(a.councils, b.councils);
  EXPECT_EQ(a.returns, b.returns);
  EXPECT_EQ(a.return_tables, b.return_tables);
  EXPECT_TRUE(a.local == b.local);
  // The indices made again: every child found where it is, every local record on its child.
  for (model::ChildIndex c = 0; c < a.children.size(); ++c) {
    ASSERT_EQ(b.find_child(a.children[c].la, a.children[c].child), c);
    ASSERT_EQ(a.full_name(c), b.full_name(c));
  }
  const auto &la = a.local_index, &lb = b.local_index;
  expect_same_rows(la.allocations, lb.allocations, "allocations");
  expect_same_rows(la.health_checks, lb.health_checks, "health checks");
  expect_same_rows(la.immunisations, lb.immunisations, "immunisations");
  expect_same_rows(la.sdq, lb.sdq, "sdq");
  expect_same_rows(la.peps, lb.peps, "peps");
  expect_same_rows(la.pathway_plans, lb.pathway_plans, "pathway plans");
  expect_same_rows(la.care_plans, lb.care_plans, "care plans");
  expect_same_rows(la.visits, lb.visits, "visits");
  expect_same_rows(la.reviews, lb.reviews, "reviews");
  expect_same_rows(la.missing, lb.missing, "missing");
  expect_same_rows(la.contacts, lb.contacts, "contacts");
  expect_same_rows(la.care_leaver_status, lb.care_leaver_status, "care leaver status");
  expect_same_rows(la.staying_put, lb.staying_put, "staying put");
  expect_same_rows(la.advocacy_requests, lb.advocacy_requests, "advocacy requests");
  expect_same_rows(la.advocacy_allocations, lb.advocacy_allocations, "advocacy allocations");
  expect_same_rows(la.advocacy_visits, lb.advocacy_visits, "advocacy visits");
  EXPECT_EQ(la.unmatched, lb.unmatched);
  for (const auto& lr : a.local)
    for (const auto& p : lr.professionals) {
      const auto* pa = a.professional(lr.la, p.id);
      const auto* pb = b.professional(lr.la, p.id);
      ASSERT_TRUE(pa && pb);
      EXPECT_EQ(*pa, *pb);
    }
}

}  // namespace hearth::testing
