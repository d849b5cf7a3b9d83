using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.Workflow.Assessment;

public sealed partial class StaffDirectoryOptions
{
    /// <summary>A demo organisation: six departments with owner, supervisor and manager each, a centre head, every category routed.</summary>
    public static StaffDirectoryOptions Sample()
    {
        var options = new StaffDirectoryOptions { CentreHeadId = "gao.feng" };
        AddDepartment(options, new("quality", "品质部", "Quality"), ("zhang.wei", "张伟"), ("wang.lei", "王磊"), ("li.na", "李娜"));
        AddDepartment(options, new("service", "客服部", "Customer Service"), ("liu.yang", "刘洋"), ("chen.jing", "陈静"), ("yang.lei", "杨磊"));
        AddDepartment(options, new("logistics", "物流部", "Logistics"), ("zhao.min", "赵敏"), ("huang.qiang", "黄强"), ("zhou.jie", "周杰"));
        AddDepartment(options, new("finance", "财务部", "Finance"), ("wu.ting", "吴婷"), ("xu.gang", "徐刚"), ("sun.li", "孙丽"));
        AddDepartment(options, new("facilities", "物业部", "Facilities"), ("ma.chao", "马超"), ("zhu.lin", "朱琳"), ("hu.bin", "胡斌"));
        AddDepartment(options, new("general", "综合部", "General Affairs"), ("guo.min", "郭敏"), ("lin.tao", "林涛"), ("he.xin", "何欣"));
        options.Staff.Add(new("gao.feng", "高峰", "gao.feng@example.cn", "general", StaffRole.CentreHead));

        options.Routing["product-quality"] = "quality";
        options.Routing["service-attitude"] = "service";
        options.Routing["delivery"] = "logistics";
        options.Routing["price"] = "finance";
        options.Routing["facilities"] = "facilities";
        options.Routing["other"] = "general";
        return options;
    }

    private static void AddDepartment(
        StaffDirectoryOptions options, (string Id, string NameZh, string NameEn) department,
        (string Id, string Name) owner, (string Id, string Name) supervisor, (string Id, string Name) manager)
    {
        options.Departments.Add(new(department.Id, department.NameZh, department.NameEn, owner.Id, supervisor.Id, manager.Id));
        options.Staff.Add(new(owner.Id, owner.Name, $"{owner.Id}@example.cn", department.Id, StaffRole.Staff));
        options.Staff.Add(new(supervisor.Id, supervisor.Name, $"{supervisor.Id}@example.cn", department.Id, StaffRole.Supervisor));
        options.Staff.Add(new(manager.Id, manager.Name, $"{manager.Id}@example.cn", department.Id, StaffRole.Manager));
    }
}
