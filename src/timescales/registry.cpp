#include "timescales/registry.hpp"

#include <array>

namespace hearth::timescales {
namespace {

constexpr std::string_view kHealthGuidance =
    "Promoting the health and well-being of looked-after children (statutory guidance, 2015)";

using enum ItemId;
constexpr std::array<TimescaleItem, kItemCount> kItems{{
    {FirstReview, "first_review", "First looked-after review", Group::ChildInCare,
     "every child who becomes looked after (not a series of short breaks)",
     "Care Planning, Placement and Case Review (England) Regulations 2010, reg 33(2)(a)", true,
     "a review on the 903 Reviews table or the local reviews table (not cancelled)",
     "Book the first review with the independent reviewing officer, and record it when it is held"},
    {SecondReview, "second_review", "Second looked-after review", Group::ChildInCare,
     "a child still looked after after the first review",
     "Care Planning, Placement and Case Review (England) Regulations 2010, reg 33(2)(b)", true,
     "a review held after the first",
     "Book the second review with the independent reviewing officer, and record it when it is "
     "held"},
    {LaterReview, "later_review", "Later looked-after reviews", Group::ChildInCare,
     "a child still looked after after the second review",
     "Care Planning, Placement and Case Review (England) Regulations 2010, reg 33(2)(c)", true,
     "a review held after the previous one",
     "Book the next review with the independent reviewing officer, and record it when it is held"},
    {SwVisit, "sw_visit", "Social worker visit", Group::ChildInCare,
     "every child in care, from the start of each placement",
     "Care Planning, Placement and Case Review (England) Regulations 2010, reg 28", true,
     "a visit in the local visits table at which the child was seen (seen not N)",
     "Visit the child where they live, see them alone if they agree, and record the visit"},
    {Iha, "iha", "Initial health assessment", Group::ChildInCare,
     "every child who becomes looked after", kHealthGuidance, true,
     "an IHA in the local health checks table (Completed, or Refused: not applicable)",
     "Ask the health team to book the initial health assessment, with the child's consent, and "
     "record it"},
    {Rha, "rha", "Review health assessment", Group::ChildInCare,
     "a child in care after the initial health assessment: 6-monthly under 5, 12-monthly "
     "from the 5th birthday",
     kHealthGuidance, true,
     "an RHA in the local health checks table (Completed, or Refused: not applicable)",
     "Ask the health team to book the review health assessment, and record it"},
    {Dental, "dental", "Dental check", Group::ChildInCare, "every child in care",
     "SSDA903 OC2 (dental check in the last 12 months); promoting health guidance", true,
     "a Dental record in the local health checks table",
     "Make sure the child sees a dentist, and record the check"},
    {Sdq, "sdq", "Strengths and Difficulties Questionnaire", Group::ChildInCare,
     "children aged 4 to 16 looked after for 12 months or more",
     "SSDA903 OC2; promoting health guidance", true,
     "a row in the local SDQ table (a score, or a reason why there is none)",
     "Ask the carer to fill in the Strengths and Difficulties Questionnaire, and record the score "
     "or why there is none"},
    {Immunisations, "immunisations", "Immunisations checked", Group::ChildInCare,
     "every child in care, at each health assessment", "SSDA903 OC2", true,
     "an immunisations record within 30 days of the health assessment",
     "Check the child's immunisations with the health team, arrange any that are missing, and "
     "record it"},
    {Pep, "pep", "Personal Education Plan initiated", Group::ChildInCare,
     "a child who becomes looked after, from early years (age 3) to 18",
     "Promoting the education of looked-after children and previously looked-after children "
     "(statutory guidance, 2018)",
     true, "a PEP in the local PEPs table",
     "Start the personal education plan with the school and the virtual school, and record it"},
    {PepReview, "pep_review", "PEP review each school term", Group::ChildInCare,
     "a child in care aged 3 to 17, each school term",
     "Promoting the education of looked-after children and previously looked-after children "
     "(statutory guidance, 2018)",
     true, "a PEP or PEP review dated within the term",
     "Review the personal education plan with the school this term, and record it"},
    {PermanencePlan, "permanence_plan", "Permanence plan", Group::ChildInCare,
     "every child in care, by the second review",
     "The Children Act 1989 guidance and regulations volume 2: care planning, placement and "
     "case review (2015), para 2.3",
     true, "a care plan in the local care plans table with its permanence plan filled in",
     "Agree the child's permanence plan, and record it before the second review"},
    {Rhi, "rhi", "Return home interview", Group::ChildInCare,
     "a child in care who has returned from a missing episode",
     "Children who run away or go missing from home or care (statutory guidance, 2014)", true,
     "the interview date on the local missing table; declined (accepted N): not applicable",
     "Offer the child a return home interview with someone independent, and record it"},
    {PathwayPlan, "pathway_plan", "Needs assessment and pathway plan", Group::LeavingCare,
     "an eligible child (looked after 13 weeks since 14, and looked after at 16 or 17)",
     "Care Planning, Placement and Case Review (England) Regulations 2010, reg 42 and Sch 8; "
     "Children (Leaving Care) Act 2000",
     true, "a Plan in the local pathway plans table",
     "Assess the young person's needs with them and write their pathway plan"},
    {PathwayPlanReview, "pathway_plan_review", "Pathway plan review", Group::LeavingCare,
     "an eligible, relevant or former relevant young person with a pathway plan",
     "Care Leavers (England) Regulations 2010, reg 7; Care Planning Regulations 2010, reg 43", true,
     "a Plan or Review in the local pathway plans table",
     "Review the pathway plan with the young person, and record it"},
    {PaAllocated, "pa_allocated", "Personal adviser allocated", Group::LeavingCare,
     "every eligible child", "Children Act 1989, Sch 2 para 19C; local allocation age", true,
     "a PA allocation in the local allocations table",
     "Allocate a personal adviser to the young person, and record the allocation"},
    {PaContact, "pa_contact", "Personal adviser contact", Group::LeavingCare,
     "a care leaver (relevant or former relevant) up to 21, or 25 when they ask for support",
     "Care Leavers (England) Regulations 2010; local practice for the interval", false,
     "a contact in the local care leaver contacts table",
     "Get in touch with the young person (their personal adviser), and record the contact"},
    {PaContactAfterMove, "pa_contact_after_move", "Contact after a move of home",
     Group::LeavingCare, "a care leaver who has moved home",
     "Care Leavers (England) Regulations 2010, reg 8 (visit within 7 days of a move)", true,
     "a contact on or after the move",
     "Visit or contact the young person in their new home, and record it"},
    {InTouch, "in_touch", "In touch around the birthday (903 OC3)", Group::LeavingCare,
     "a care leaver at each birthday from the 17th to the 21st",
     "SSDA903 OC3: contact from 3 months before to 1 month after the birthday", true,
     "a contact in the window",
     "Contact the young person around their birthday, and record whether they are in touch, what "
     "they are doing and where they live"},
    {Advocate, "advocate", "Advocate provided", Group::ChildInCare,
     "a child in care or care leaver who asked for an advocate",
     "Children Act 1989 s26A (advocacy for children making representations) and the National "
     "Standards for the Provision of Children's Advocacy Services (help given quickly); local "
     "practice for the interval",
     false, "an advocate appointed in the local advocacy allocations table",
     "Refer the young person to the advocacy service and record the advocate appointed, or why "
     "the request closed"},
    {IndependentVisitor, "independent_visitor", "Independent visitor appointed", Group::ChildInCare,
     "a child in care for whom an independent visitor was asked for",
     "Children Act 1989 s23ZB (appoint a visitor where it is in the child's interests; not when "
     "the child objects); local practice for the interval",
     false, "an independent visitor appointed in the local advocacy allocations table",
     "Refer the child to the independent visitor scheme and record the visitor appointed, or why "
     "the request closed"},
}};

static_assert([] {
  for (std::size_t i = 0; i < kItems.size(); ++i)
    if (static_cast<std::size_t>(kItems[i].id) != i) return false;
  return true;
}());

}  // namespace

std::span<const TimescaleItem> all_items() {
  return kItems;
}
const TimescaleItem& item(ItemId id) {
  return kItems[static_cast<std::size_t>(id)];
}
std::optional<ItemId> item_by_key(std::string_view key) {
  for (const auto& i : kItems)
    if (i.key == key) return i.id;
  return std::nullopt;
}

}  // namespace hearth::timescales
