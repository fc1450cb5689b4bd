-- Who is what in which (current) class: students by enrollment, parents through their children, teachers by
-- teaching (3 when homeroom). One definition for everything that asks "which classes is this person in".
CREATE VIEW roster_class_roles AS
    SELECT e.school_id, e.student_id AS journal_id, c.class_id, 0 AS role
    FROM roster_enrollments e
    JOIN roster_classes c ON c.school_id = e.school_id AND c.academic_year = e.academic_year AND c.name = e.class_name
    WHERE c.removed_at IS NULL
    UNION ALL
    SELECT g.school_id, g.parent_id, c.class_id, 1
    FROM roster_guardianships g
    JOIN roster_enrollments e ON e.school_id = g.school_id AND e.student_id = g.student_id
    JOIN roster_classes c ON c.school_id = e.school_id AND c.academic_year = e.academic_year AND c.name = e.class_name
    WHERE c.removed_at IS NULL
    UNION ALL
    SELECT t.school_id, t.staff_id, c.class_id, CASE WHEN t.is_homeroom THEN 3 ELSE 2 END
    FROM roster_teaching t
    JOIN roster_classes c ON c.school_id = t.school_id AND c.academic_year = t.academic_year AND c.name = t.class_name
    WHERE c.removed_at IS NULL;
